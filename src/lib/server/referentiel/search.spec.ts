import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../../../tests/fixtures/content';
import { loadCatalog } from '../content/load';
import { searchCriteria } from './search';

const { catalog } = loadCatalog(fixtureFiles());

describe('searchCriteria', () => {
	it('finds criteria by words of their text, ignoring accents and case', () => {
		expect(searchCriteria(catalog, 'OBJECTION methode').hits.map((hit) => hit.criterion.id)).toEqual(['demo.c1.met1']);
		expect(searchCriteria(catalog, 'formalisée').hits.map((hit) => hit.criterion.id)).toEqual(['demo.c1.res1']);
	});

	it('needs every word to match and finds nothing for an empty query', () => {
		expect(searchCriteria(catalog, 'objection transmise').total).toBe(0);
		expect(searchCriteria(catalog, '   ').total).toBe(0);
	});

	it('finds criteria by id and by competence title', () => {
		expect(searchCriteria(catalog, 'demo.c1.res1').total).toBe(1);
		expect(searchCriteria(catalog, 'négocier').total).toBe(2);
	});
});
