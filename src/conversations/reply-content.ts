import { invalidInput } from '../common/errors/domain-error';

/** A reply is written out (`text`) or an approved answer (`templateId`): exactly one of them. */
export interface ReplyContent {
  text?: string;
  templateId?: string;
}

export function assertTextOrTemplate(content: ReplyContent): void {
  const given = [content.text, content.templateId].filter((value) => value !== undefined).length;
  if (given === 0) throw invalidInput('text or templateId is required');
  if (given === 2) throw invalidInput('text and templateId cannot both be given; send one of them');
}
