import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, ValidateNested } from 'class-validator';
import { createValidationPipe } from './validation.pipe';

class Inner {
  @IsInt()
  @Max(5)
  level!: number;
}

class Outer {
  @IsString()
  name!: string;

  @ValidateNested({ each: true })
  @Type(() => Inner)
  items!: Inner[];
}

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();
  const transform = (value: unknown) => pipe.transform(value, { type: 'body', metatype: Outer });

  it('names nested fields with their path', async () => {
    const error = await transform({ name: 'x', items: [{ level: 9 }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).message).toBe('items.0.level must not be greater than 5');
  });

  it('refuses a NUL or a lone surrogate before the DTO rules, naming the field', async () => {
    const nul = (await transform({ name: 'x\u0000', items: [] }).catch((e: unknown) => e)) as BadRequestException;
    expect(nul.message).toBe('name must not contain a NUL character');
    const surrogate = (await transform({ name: 'x', items: [{ level: 1, note: '\ud800' }] }).catch((e: unknown) => e)) as BadRequestException;
    expect(surrogate.message).toBe('items.0.note must not contain an unpaired UTF-16 surrogate');
  });

  it('refuses deep nesting without overflowing the stack', async () => {
    const deep = JSON.parse('['.repeat(20_000) + ']'.repeat(20_000));
    const error = (await transform({ name: 'x', items: deep }).catch((e: unknown) => e)) as BadRequestException;
    expect(error.message).toBe('items is nested more than 12 levels deep');
  });

  it('names the query parameter in a query DTO', async () => {
    const error = (await pipe.transform({ name: 'a\u0000' }, { type: 'query', metatype: Outer }).catch((e: unknown) => e)) as BadRequestException;
    expect(error.message).toBe('name must not contain a NUL character');
  });

  it('leaves values it does not validate (a text/csv body) to their handler', async () => {
    await expect(pipe.transform('name\n\u0000', { type: 'body', metatype: String })).resolves.toBe('name\n\u0000');
  });

  it('rejects unknown fields by name', async () => {
    const error = (await transform({ name: 'x', items: [], extra: 1 }).catch((e: unknown) => e)) as BadRequestException;
    expect(error.message).toBe('extra: property extra should not exist');
  });
});
