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

  it('rejects unknown fields by name', async () => {
    const error = (await transform({ name: 'x', items: [], extra: 1 }).catch((e: unknown) => e)) as BadRequestException;
    expect(error.message).toBe('extra: property extra should not exist');
  });
});
