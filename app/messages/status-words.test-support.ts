/**
 * Words that name or imply a work-authorization status, for the tests that check a mentor never
 * reads them about a student who keeps the status private. Case-sensitive acronyms on word
 * boundaries, so a hex id ("…bf-1bcf…") or a word like "option" is no false alarm.
 */
export const STATUS_WORDS =
  /\b(CPT|OPT|EAD|DSO|STEM|F-1|J-1|I-20|I-983)\b|E-Verify|[Ss]tudy permit|[Cc]o-op permit|[Cc]urricular|[Pp]ractical [Tt]raining|[Aa]cademic [Tt]raining|Responsible Officer/;
