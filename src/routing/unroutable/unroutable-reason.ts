/** What the roster lacks for one stuck conversation, as the flagging pass reads it from Postgres. */
export interface RosterGap {
  /** null: any language */
  languages: string[] | null;
  minLanguageLevel: number;
  agentKinds: string[];
  /** an agent of an allowed kind is on the roster at all */
  kindOnRoster: boolean;
  /** such an agent speaks one of the languages at the level */
  speakerOnRoster: boolean;
  /** the first required skill no such speaker has at its level */
  missingSkill: { name: string; minLevel: number } | null;
  /** some agent meets every requirement, but each one is excluded from this conversation */
  onlyExcludedFit: boolean;
}

/**
 * Names what is missing, in the order a manager fixes it: nobody of the kind, nobody speaking the
 * language, nobody with a skill, nobody with everything at once, or everyone who could was excluded.
 */
export function unroutableReason(gap: RosterGap): string {
  const language = gap.languages === null ? null : `${gap.languages.join(' or ')} at level ${gap.minLanguageLevel}`;
  if (!gap.kindOnRoster) return `no ${gap.agentKinds.join(' or ')} agent is on the roster`;
  if (!gap.speakerOnRoster && language) return `no agent speaks ${language}`;
  if (gap.missingSkill) return `no agent has skill ${gap.missingSkill.name} at level ${gap.missingSkill.minLevel}`;
  if (gap.onlyExcludedFit) return 'every agent who could take it was transferred away from it or did not answer in time';
  return language ? `no agent speaks ${language} and has every required skill` : 'no agent has every required skill';
}
