import { InviteRow } from '../volunteers/invites.repository';
import { IncidentViewDto } from './dto/incident-view.dto';
import { InviteViewDto } from './dto/invite-view.dto';
import { IncidentRow, SurgeEventRow } from './incidents.repository';

/** `history` holds the surge events of this incident, oldest first. */
export function toIncidentView(row: IncidentRow, history: SurgeEventRow[]): IncidentViewDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    surgeActive: row.surgeActive,
    surgeActivatedAt: row.surgeActivatedAt?.toISOString() ?? null,
    slaMinutes: row.slaMinutes,
    maxShiftHoursPer24h: row.maxShiftHoursPer24h,
    volunteerMaxConcurrent: row.volunteerMaxConcurrent,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    surgeHistory: history.map(({ action, actorId, actorName, at }) => ({ action, actorId, actorName, at: at.toISOString() })),
  };
}

export function toInviteView(row: InviteRow): InviteViewDto {
  return {
    code: row.code,
    incidentId: row.incidentId,
    maxUses: row.maxUses,
    uses: row.uses,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    autoApprove: row.autoApprove,
    createdAt: row.createdAt.toISOString(),
  };
}
