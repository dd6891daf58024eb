// The steady background: picks who sends each request (components, or people and CI in
// proportion to office hours) and what kind of request it is, by template weight.

import { WeightedPicker } from './random';
import type { DraftFactory, RequestDraft } from './request-draft';
import { ADDON_TRAFFIC } from './traffic-addons';
import { CONTROL_PLANE_TRAFFIC } from './traffic-control-plane';
import { NODE_TRAFFIC } from './traffic-nodes';
import { PEOPLE_TRAFFIC } from './traffic-people';
import type { TrafficTemplate } from './traffic-template';
import type { World } from './world';

export const COMPONENT_TRAFFIC: readonly TrafficTemplate[] = [
  ...NODE_TRAFFIC,
  ...CONTROL_PLANE_TRAFFIC,
  ...ADDON_TRAFFIC,
];

function picker(templates: readonly TrafficTemplate[]): WeightedPicker<TrafficTemplate> {
  return new WeightedPicker(templates.map((t) => ({ weight: t.weight, value: t })));
}

export class BackgroundTraffic {
  private readonly components = picker(COMPONENT_TRAFFIC);
  private readonly people = picker(PEOPLE_TRAFFIC);

  constructor(
    private readonly f: DraftFactory,
    private readonly w: World,
  ) {}

  /** A request received at `atUs`, sent by people and CI with probability `peopleShare`. */
  next(atUs: number, peopleShare: number): RequestDraft {
    const rng = this.f.rng;
    const template = (rng.float() < peopleShare ? this.people : this.components).pick(rng);
    return template.build(this.f, this.w, atUs);
  }
}
