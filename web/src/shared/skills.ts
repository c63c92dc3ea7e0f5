/** Skill requirements as people type them: "refunds:3, rebooking". */

export interface SkillRequirement {
  name: string;
  minLevel: number;
}

/** "refunds:3, rebooking" → [{name:'refunds', minLevel:3}, {name:'rebooking', minLevel:1}]; null when malformed. */
export function parseSkills(text: string): SkillRequirement[] | null {
  const parts = text.split(',').map((part) => part.trim()).filter(Boolean);
  const skills = parts.map((part) => {
    const [name, level = '1'] = part.split(':').map((piece) => piece.trim());
    const minLevel = Number(level);
    return /^[a-z0-9_-]{1,40}$/.test(name) && Number.isInteger(minLevel) && minLevel >= 1 && minLevel <= 5 ? { name, minLevel } : null;
  });
  return skills.every((skill) => skill !== null) ? (skills as SkillRequirement[]) : null;
}

/** The other way round: [{name:'refunds', minLevel:3}] → "refunds:3". */
export function formatSkills(skills: readonly SkillRequirement[]): string {
  return skills.map((skill) => `${skill.name}:${skill.minLevel}`).join(', ');
}
