// The actors of the stories: a scanner on the internet, an intruder using stolen
// credentials from one address, and the service accounts the intrusion goes through.

import {
  actor,
  decision,
  KUBECTL_LINUX,
  podTokenExtra,
  rbacReason,
  serviceAccountSubject,
  serviceAccountUser,
  type Actor,
} from './actors';
import type { Pod } from './cluster';
import type { Rng } from './random';
import { ciDeployerActor, type World } from './world';

/** Documentation address ranges (RFC 5737), so no real host is named. */
export const INTRUDER_IP = '198.51.100.77';
export const SCANNER_IP = '203.0.113.45';

const FORBID = decision(false, '');

export interface StoryActors {
  readonly scanner: Actor;
  readonly scannerBadToken: Actor;
  /** bob's kubeconfig, used by someone else from INTRUDER_IP. */
  readonly stolenBob: Actor;
  /** The frontend pod's own service account, from inside the pod the intruder exec'd into. */
  readonly frontendToken: Actor;
  readonly frontendPod: Pod;
  readonly stolenCiDeployer: Actor;
  /** The service account the intruder binds to cluster-admin. */
  readonly nodeDebugger: Actor;
}

export function buildStoryActors(rng: Rng, w: World): StoryActors {
  const frontendPod = w.cluster.podsIn('web')[0];
  if (!frontendPod) throw new Error('the sample cluster needs a frontend pod');
  return {
    scanner: actor({
      kind: 'anonymous',
      user: { username: 'system:anonymous', groups: ['system:unauthenticated'] },
      sourceIPs: [SCANNER_IP],
      userAgent: 'python-requests/2.32.3',
      allow: decision(
        true,
        rbacReason(
          'system:public-info-viewer',
          '',
          'ClusterRole',
          'system:public-info-viewer',
          'Group "system:unauthenticated"',
        ),
      ),
      forbid: FORBID,
    }),
    scannerBadToken: actor({
      kind: 'unauthenticated',
      user: {},
      sourceIPs: [SCANNER_IP],
      userAgent: 'python-requests/2.32.3',
      allow: undefined,
      forbid: undefined,
    }),
    stolenBob: actor({
      ...w.bob,
      sourceIPs: [INTRUDER_IP],
      userAgent: KUBECTL_LINUX,
    }),
    frontendToken: actor({
      kind: 'workload',
      user: serviceAccountUser(
        'web',
        'frontend',
        rng.uuid(),
        podTokenExtra(rng.uuid(), frontendPod),
      ),
      sourceIPs: [frontendPod.ip],
      userAgent: 'curl/8.5.0',
      allow: decision(
        true,
        rbacReason(
          'frontend-secrets',
          'web',
          'Role',
          'secret-reader',
          serviceAccountSubject('web', 'frontend'),
        ),
      ),
      forbid: FORBID,
    }),
    frontendPod,
    stolenCiDeployer: ciDeployerActor(INTRUDER_IP),
    nodeDebugger: actor({
      kind: 'workload',
      user: serviceAccountUser('kube-system', 'node-debugger', rng.uuid(), {
        'authentication.kubernetes.io/credential-id': [`JTI=${rng.uuid()}`],
      }),
      sourceIPs: [INTRUDER_IP],
      userAgent: KUBECTL_LINUX,
      allow: decision(
        true,
        rbacReason(
          'node-debugger-admin',
          '',
          'ClusterRole',
          'cluster-admin',
          serviceAccountSubject('kube-system', 'node-debugger'),
        ),
      ),
      forbid: FORBID,
    }),
  };
}
