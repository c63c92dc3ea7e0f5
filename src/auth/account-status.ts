import { forbidden } from '../common/errors/domain-error';
import { AccountStatus } from '../users/user.entity';

const REFUSAL: Record<Exclude<AccountStatus, 'active'>, string> = {
  pending: 'Account is pending approval',
  suspended: 'Account is suspended',
  expired: 'Account has expired',
};

export function assertAccountUsable(status: AccountStatus): void {
  if (status !== 'active') throw forbidden(REFUSAL[status]);
}
