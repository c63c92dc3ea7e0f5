import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { findUnsafeInput } from './unsafe-input';

function describe(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((text) =>
      text.startsWith(error.property) ? `${path}${text.slice(error.property.length)}` : `${path}: ${text}`,
    );
    return [...own, ...describe(error.children ?? [], path)];
  });
}

/**
 * Before any decorator runs, refuses what no field may hold (unsafe-input.ts): nesting deep enough
 * to overflow class-transformer's recursion, NUL characters and unpaired surrogates. Values the
 * pipe does not validate (a text/csv body, primitives) are left to their handlers.
 */
class SafeInputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.metatype && this.toValidate(metadata)) {
      const problem = findUnsafeInput(value, metadata.type === 'body' ? 'body' : (metadata.data ?? metadata.type));
      if (problem) throw new BadRequestException(problem);
    }
    return super.transform(value, metadata);
  }
}

/** Rejects unknown fields and names every offending field (with its path) in one message. */
export function createValidationPipe(): ValidationPipe {
  return new SafeInputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new BadRequestException(describe(errors).join('; ')),
  });
}
