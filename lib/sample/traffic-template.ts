// A kind of request in the background traffic, with its share of that traffic.

import type { DraftFactory, RequestDraft } from './request-draft';
import type { World } from './world';

export type BuildRequest = (f: DraftFactory, w: World, atUs: number) => RequestDraft;

export interface TrafficTemplate {
  /** Names the kind of request, for tests and for tuning the mix. */
  readonly name: string;
  /** Relative weight within its traffic class (components, or people and CI). */
  readonly weight: number;
  readonly build: BuildRequest;
}

export function template(name: string, weight: number, build: BuildRequest): TrafficTemplate {
  return { name, weight, build };
}
