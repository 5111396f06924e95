import crypto from 'node:crypto';

/**
 * Presence per topic, shaped like Phoenix.Presence: state `{ key: { metas: [meta] } }`, each
 * meta the tracked payload plus `phx_ref` (and `phx_ref_prev` after an update); changes are
 * diffs `{ joins, leaves }` in the same shape. One channel tracks at most one meta per topic.
 */
export type Meta = Record<string, unknown> & { phx_ref: string; phx_ref_prev?: string };
export type PresenceGroups = Record<string, { metas: Meta[] }>;
export interface PresenceDiff {
  joins: PresenceGroups;
  leaves: PresenceGroups;
}

interface Entry {
  key: string;
  meta: Meta;
}

function newRef(): string {
  return crypto.randomBytes(9).toString('base64url');
}

function group(entries: Iterable<Entry>): PresenceGroups {
  const groups: PresenceGroups = Object.create(null);
  for (const { key, meta } of entries) {
    (groups[key] ??= { metas: [] }).metas.push(meta);
  }
  return groups;
}

export class PresenceTracker {
  /** topic key → tracking owner (a channel) → its entry, in tracking order. */
  private readonly topics = new Map<string, Map<object, Entry>>();

  /** Tracks or updates `owner`'s presence; the diff to publish. */
  track(topic: string, owner: object, key: string, payload: Record<string, unknown>): PresenceDiff {
    let owners = this.topics.get(topic);
    if (!owners) {
      owners = new Map();
      this.topics.set(topic, owners);
    }
    const previous = owners.get(owner);
    const meta: Meta = { ...payload, phx_ref: newRef() };
    if (previous) meta.phx_ref_prev = previous.meta.phx_ref;
    const entry = { key, meta };
    owners.delete(owner);
    owners.set(owner, entry);
    return { joins: group([entry]), leaves: previous ? group([previous]) : {} };
  }

  /** Removes `owner`'s presence; null when it tracked nothing. */
  untrack(topic: string, owner: object): PresenceDiff | null {
    const owners = this.topics.get(topic);
    const previous = owners?.get(owner);
    if (!owners || !previous) return null;
    owners.delete(owner);
    if (owners.size === 0) this.topics.delete(topic);
    return { joins: {}, leaves: group([previous]) };
  }

  list(topic: string): PresenceGroups {
    return group(this.topics.get(topic)?.values() ?? []);
  }
}
