import { useEffect, useState } from 'react';
import { api } from './api.ts';
import type { CategoryList, EnforcementCategory, Region, RegionList } from './types.ts';

// Reference data every page needs; loaded once per session and shared.

let regionsPromise: Promise<Region[]> | null = null;
let categoriesPromise: Promise<EnforcementCategory[]> | null = null;

export function loadRegions(): Promise<Region[]> {
  if (!regionsPromise) {
    regionsPromise = api.get<RegionList>('/api/regions').then((a) => a.items);
    regionsPromise.catch(() => {
      regionsPromise = null;
    });
  }
  return regionsPromise;
}

export function loadCategories(): Promise<EnforcementCategory[]> {
  if (!categoriesPromise) {
    categoriesPromise = api.get<CategoryList>('/api/enforcement-categories').then((a) => a.items);
    categoriesPromise.catch(() => {
      categoriesPromise = null;
    });
  }
  return categoriesPromise;
}

export function invalidateRegions(): void {
  regionsPromise = null;
}

export function clearReferenceCache(): void {
  regionsPromise = null;
  categoriesPromise = null;
}

function useLoaded<T>(load: () => Promise<T[]>): T[] {
  const [items, setItems] = useState<T[]>([]);
  useEffect(() => {
    let alive = true;
    load()
      .then((v) => {
        if (alive) setItems(v);
      })
      .catch(() => {
        /* shown as empty; the page's own request reports errors */
      });
    return () => {
      alive = false;
    };
  }, [load]);
  return items;
}

export const useRegions = (): Region[] => useLoaded(loadRegions);
export const useCategories = (): EnforcementCategory[] => useLoaded(loadCategories);

export function regionNameMap(regions: Region[]): Map<string, string> {
  return new Map(regions.map((r) => [r.code, r.name]));
}

export function categoryNameMap(categories: EnforcementCategory[]): Map<string, string> {
  return new Map(categories.map((c) => [c.code, c.name]));
}
