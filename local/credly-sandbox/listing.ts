import type { Json } from "./credly-json";

/**
 * Credly's list conventions (reference: credly-api.md, H): `filter=key::value|key2::v1,v2`,
 * `sort=field` or `sort=-field` (descending), `page=N`, fixed pages, and metadata with
 * `next_page_url` / `previous_page_url` in the `/api/v1/...` form.
 */
export class ListError extends Error {}

export type Filter = Map<string, string[]>;

/** Parses `filter`; a key outside `allowed` is refused (L: stricter than a silent ignore). */
export function parseFilter(text: string | null, allowed: readonly string[]): Filter {
  const filter: Filter = new Map();
  if (!text) return filter;
  for (const part of text.split("|")) {
    const at = part.indexOf("::");
    if (at <= 0) throw new ListError(`Invalid filter: ${part}`);
    const key = part.slice(0, at);
    if (!allowed.includes(key)) throw new ListError(`Invalid filter key: ${key}`);
    filter.set(key, part.slice(at + 2).split(","));
  }
  return filter;
}

export interface Sort {
  field: string;
  descending: boolean;
}

export function parseSort(text: string | null, allowed: readonly string[]): Sort | null {
  if (!text) return null;
  const descending = text.startsWith("-");
  const field = descending ? text.slice(1) : text;
  if (!allowed.includes(field)) throw new ListError(`Invalid sort: ${text}`);
  return { field, descending };
}

/** Stable sort by a string field (ISO times and names compare as text). */
export function sortBy<T extends object>(items: T[], sort: Sort | null): T[] {
  if (!sort) return items;
  const value = (item: T) => String((item as Record<string, unknown>)[sort.field] ?? "");
  const sorted = [...items].sort((a, b) => value(a).localeCompare(value(b)));
  return sort.descending ? sorted.reverse() : sorted;
}

/**
 * One page and its metadata. `listUrl` is the public /api/v1/... URL of the list; the page
 * links keep every other query parameter as the caller sent it.
 */
export function page<T>(
  items: T[],
  query: URLSearchParams,
  listUrl: string,
  per: number,
): { data: T[]; metadata: Json } {
  const requested = Number.parseInt(query.get("page") ?? "1", 10);
  const current = Number.isFinite(requested) && requested > 0 ? requested : 1;
  const totalPages = Math.max(1, Math.ceil(items.length / per));
  const data = items.slice((current - 1) * per, current * per);
  const link = (n: number) => {
    const params = new URLSearchParams(query);
    params.set("page", String(n));
    return `${listUrl}?${params.toString()}`;
  };
  return {
    data,
    metadata: {
      count: data.length,
      current_page: current,
      total_count: items.length,
      total_pages: totalPages,
      per,
      previous_page_url: current > 1 ? link(Math.min(current - 1, totalPages)) : null,
      next_page_url: current < totalPages ? link(current + 1) : null,
    },
  };
}
