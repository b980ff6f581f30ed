import { useTranslation } from 'react-i18next';
import type { NeedLevel } from '#contracts/assessments.ts';
import { Badge } from '#web/ui/Badge.tsx';
import { LEVEL_VARIANT } from './assessment-state.ts';

/** A need level as a badge: the level in words, the colour only in addition. */
export function NeedBadge({ level }: { level: NeedLevel }) {
  const { t } = useTranslation('cases');
  return <Badge variant={LEVEL_VARIANT[level]}>{t(`needs.level.${level}`)}</Badge>;
}
