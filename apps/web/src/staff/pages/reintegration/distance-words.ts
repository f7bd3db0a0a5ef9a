// How far a service is, in words: "en la misma ciudad" under a kilometre, else "a 2,290 km".
import type { TFunction } from 'i18next';

export function distanceWords(km: number, t: TFunction): string {
  return km < 1 ? t('returns.picker.sameCity') : t('returns.picker.km', { km: km.toLocaleString() });
}
