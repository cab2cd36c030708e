import { durationLabel, type DurationBand } from './experience';

const dateFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const month = (iso: string) => dateFormat.format(new Date(`${iso}T00:00:00Z`));

/** « de mars 2016 à décembre 2021 », « depuis mars 2016 » or the duration band, in words. */
export function periodOf(experience: { startDate: string | null; endDate: string | null; durationBand: DurationBand | null }): string {
	if (experience.startDate && experience.endDate) return `de ${month(experience.startDate)} à ${month(experience.endDate)}`;
	if (experience.startDate) return `depuis ${month(experience.startDate)}${experience.durationBand ? ` (${durationLabel(experience.durationBand)?.toLowerCase()})` : ''}`;
	return durationLabel(experience.durationBand) ?? '';
}
