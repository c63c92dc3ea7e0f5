import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiError, ApiErrors } from '../openapi/api-errors.decorator';
import { AuthenticatedRequest } from '../common/auth/auth-user';
import { CurrentPrincipal, Public } from '../common/auth/auth.decorators';
import { unauthenticated } from '../common/errors/domain-error';
import { AppConfigService } from '../config/app-config.service';
import { SESSION_SECURITY_SCHEME } from '../openapi/openapi-security';
import { RateLimited } from '../rate-limits/rate-limit.decorator';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { LoginResponseDto } from './dto/login-response.dto';
import { SessionResponseDto } from './dto/session-response.dto';
import { SESSION_COOKIE, sessionCookieOf, sessionCookieOptions } from './sessions/session-cookie';
import { SessionsService } from './sessions/sessions.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly config: AppConfigService,
  ) {}

  @Public()
  @RateLimited('login-email', 'login-address')
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiOperation({ operationId: 'logIn', summary: 'Log in with email and password: a bearer token and the account' })
  @ApiErrors(400)
  @ApiError(401, 'wrong email or password')
  @ApiError(403, 'the account is expired, suspended or pending')
  login(@Body() body: LoginDto): Promise<LoginResponseDto> {
    return this.auth.login(body);
  }

  @Public()
  @RateLimited('login-email', 'login-address')
  @Post('session')
  @HttpCode(200)
  @ApiOperation({ operationId: 'startSession', summary: 'Log a browser in: sets the HttpOnly session cookie and returns the CSRF token for its writes' })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiErrors(400)
  @ApiError(401, 'wrong email or password')
  @ApiError(403, 'the account is expired, suspended or pending')
  async startSession(@Body() body: LoginDto, @Res({ passthrough: true }) response: Response): Promise<SessionResponseDto> {
    const started = await this.sessions.start(body);
    response.cookie(SESSION_COOKIE, started.cookie, sessionCookieOptions(this.config.isProduction, started.ttlSeconds));
    return started.body;
  }

  @Get('session')
  @ApiCookieAuth(SESSION_SECURITY_SCHEME)
  @ApiError(401, 'no session cookie, or the session ended')
  @ApiError(403, 'the account is expired or suspended')
  @ApiOperation({ operationId: 'describeSession', summary: "The browser session's user and CSRF token" })
  @ApiOkResponse({ type: SessionResponseDto })
  describeSession(@Req() request: Request): Promise<SessionResponseDto> {
    const cookie = sessionCookieOf(request);
    if (!cookie) throw unauthenticated('No session cookie');
    return this.sessions.describe(cookie);
  }

  @Delete('session')
  @HttpCode(204)
  @ApiCookieAuth(SESSION_SECURITY_SCHEME)
  @ApiError(401, 'no session cookie, or the session ended')
  @ApiError(403, 'the account is expired or suspended, or the X-CSRF-Token header is missing or wrong')
  @ApiOperation({ operationId: 'endSession', summary: 'Log the browser out: the session ends at once and its open event streams close' })
  @ApiNoContentResponse()
  async endSession(@CurrentPrincipal() { user, sessionId }: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    if (!sessionId) throw unauthenticated('No session cookie');
    await this.sessions.end(user.id, sessionId);
    response.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.config.isProduction));
  }
}
