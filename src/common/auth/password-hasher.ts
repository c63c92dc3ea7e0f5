import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

@Injectable()
export class PasswordHasher {
  /** The hash checked when there is no account: made once, of a password nobody knows. */
  private decoy: Promise<string> | null = null;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password).catch(() => false);
  }

  /**
   * Costs what verifying a real account's password costs and never matches: a log-in for an unknown
   * email then takes as long as one for a known email, so timing does not tell which emails exist.
   */
  async verifyWithoutAccount(password: string): Promise<false> {
    this.decoy ??= this.hash(randomBytes(32).toString('base64url'));
    await this.verify(await this.decoy, password);
    return false;
  }
}
