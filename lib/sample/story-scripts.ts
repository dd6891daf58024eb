// The requests of each story in SAMPLE_STORIES, laid out in time from the story's start.

import type { UserInfo } from '@/lib/audit/types';
import { annotations, decision, rbacReason, serviceAccountSubject, type Actor } from './actors';
import { createdObject, secretObject } from './bodies';
import { CLUSTERROLEBINDINGS, NODES, PODS, SECRETS, SERVICEACCOUNTS } from './resources';
import type { DraftFactory, RequestDraft } from './request-draft';
import {
  forbidden,
  forbiddenPath,
  impersonationForbidden,
  podSecurityForbidden,
} from './response-status';
import { SAMPLE_STORIES, type StoryId } from './stories';
import {
  BASELINE_VIOLATIONS,
  clusterAdminBinding,
  privilegedPod,
  RESTRICTED_VIOLATIONS,
  serviceAccountManifest,
} from './story-bodies';
import { buildStoryActors, type StoryActors } from './story-actors';
import type { World } from './world';

/** Lays out one story's requests; pauses shrink with the window so short windows still hold it. */
class StoryScript {
  readonly drafts: RequestDraft[] = [];

  constructor(
    readonly f: DraftFactory,
    readonly w: World,
    readonly actors: StoryActors,
    public atUs: number,
    private readonly scale: number,
  ) {}

  /** Pause for about `seconds` (scaled), with some jitter so steps do not look scripted. */
  wait(seconds: number): void {
    this.atUs += Math.round(seconds * (0.7 + 0.6 * this.f.rng.float()) * 1e6 * this.scale);
  }

  add(d: RequestDraft): RequestDraft {
    if (d.longRunning) {
      const jitter = 0.9 + 0.2 * this.f.rng.float();
      d.durationUs = Math.max(d.startedAfterUs, Math.round(d.durationUs * jitter * this.scale));
    }
    this.drafts.push(d);
    this.wait(0.8);
    return d;
  }

  username(actor: Actor): string {
    return actor.user.username ?? '';
  }
}

type Script = (s: StoryScript) => void;

const PAYMENTS_SA: UserInfo = Object.freeze({
  username: 'system:serviceaccount:payments:payments-api',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:payments', 'system:authenticated'],
});

const SCRIPTS: Record<StoryId, Script> = {
  'anonymous-probe'(s) {
    const { scanner } = s.actors;
    const user = s.username(scanner);
    s.add(s.f.path(scanner, s.atUs, 'get', '/version'));
    for (const path of ['/api', '/apis'])
      s.add(s.f.path(scanner, s.atUs, 'get', path).deny(forbiddenPath(user, 'get', path)));
    for (const namespace of ['', 'kube-system']) {
      s.add(
        s.f
          .resource(scanner, s.atUs, 'list', SECRETS, namespace, '')
          .deny(forbidden(user, 'list', SECRETS, namespace)),
      );
    }
    s.add(
      s.f.resource(scanner, s.atUs, 'list', PODS, '', '').deny(forbidden(user, 'list', PODS, '')),
    );
  },

  'failed-authentication'(s) {
    const actor = s.actors.scannerBadToken;
    for (const [res, namespace] of [
      [SECRETS, 'kube-system'],
      [CLUSTERROLEBINDINGS, ''],
      [NODES, ''],
    ] as const) {
      s.add(s.f.resource(actor, s.atUs, 'list', res, namespace, '')).ending = 'unauthenticated';
    }
  },

  'secret-in-audit-log'(s) {
    const name = 'payments-db-credentials';
    const d = s.f.resource(
      s.w.ciDeployer,
      s.atUs,
      'create',
      SECRETS,
      'payments',
      name,
      '',
      '?fieldManager=kubectl-create&fieldValidation=Strict',
    );
    const secret = secretObject('payments', name, {
      username: 'payments',
      password: 'Tr0ub4dor&3-payments',
    });
    d.requestObject = secret;
    d.responseObject = createdObject(secret, s.f.rng.uuid(), s.f.resourceVersion(s.atUs), s.atUs);
    s.add(d);
  },

  'apiserver-panic'(s) {
    const { prometheus, kubeStateMetrics } = s.w;
    s.add(s.f.resource(prometheus, s.atUs, 'list', PODS, '', '', '', '?limit=500')).ending =
      'panic';
    s.wait(40);
    s.add(
      s.f.resource(
        kubeStateMetrics,
        s.atUs,
        'list',
        NODES,
        '',
        '',
        '',
        '?limit=500&resourceVersion=0',
      ),
    ).ending = 'panic';
    s.wait(25);
    const watch = s.f.watch(prometheus, s.atUs, PODS, '');
    watch.ending = 'panic';
    watch.durationUs = 61e6;
    s.add(watch);
  },

  'impersonation-denied'(s) {
    const { alice } = s.w;
    const user = s.username(alice);
    const d = s.f.resource(alice, s.atUs, 'list', NODES, '', '', '', '?limit=500');
    d.fail(impersonationForbidden(user, 'users', 'system:admin')).annotations = undefined;
    s.add(d);
  },

  'impersonation-allowed'(s) {
    const { carol } = s.w;
    const allow = decision(
      true,
      rbacReason(
        'payments-api',
        'payments',
        'Role',
        'payments-api',
        serviceAccountSubject('payments', 'payments-api'),
      ),
    );
    const asPayments = (d: RequestDraft): RequestDraft => {
      d.impersonatedUser = PAYMENTS_SA;
      d.annotations = allow;
      return s.add(d);
    };
    asPayments(s.f.resource(carol, s.atUs, 'list', PODS, 'payments', '', '', '?limit=500'));
    asPayments(s.f.resource(carol, s.atUs, 'get', SECRETS, 'payments', 'payments-db'));
    s.wait(30);
    const pod = s.w.cluster.podsIn('payments')[0]?.name ?? 'payments-api-0';
    asPayments(s.f.resource(carol, s.atUs, 'delete', PODS, 'payments', pod)).deny(
      forbidden(PAYMENTS_SA.username ?? '', 'delete', PODS, 'payments', pod),
    );
  },

  'exec-stolen-kubeconfig'(s) {
    const { stolenBob, frontendPod } = s.actors;
    for (const path of ['/api', '/apis']) s.add(s.f.path(stolenBob, s.atUs, 'get', path));
    s.add(s.f.resource(stolenBob, s.atUs, 'list', PODS, 'web', '', '', '?limit=500'));
    s.add(s.f.resource(stolenBob, s.atUs, 'get', PODS, 'web', frontendPod.name));
    const query = `?command=%2Fbin%2Fsh&container=${frontendPod.workload.container}&stdin=true&stdout=true&tty=true`;
    const exec = s.f.resource(
      stolenBob,
      s.atUs,
      'create',
      PODS,
      'web',
      frontendPod.name,
      'exec',
      query,
    );
    exec.annotations = s.w.developerWrite('web');
    exec.durationUs = 540e6;
    s.add(exec);
  },

  'secret-sweep'(s) {
    const { frontendToken } = s.actors;
    const user = s.username(frontendToken);
    s.add(s.f.resource(frontendToken, s.atUs, 'list', SECRETS, 'web', ''));
    for (const namespace of [
      'default',
      'kube-system',
      'payments',
      'checkout',
      'catalog',
      'data',
      'monitoring',
      'cert-manager',
    ]) {
      s.add(
        s.f
          .resource(frontendToken, s.atUs, 'list', SECRETS, namespace, '')
          .deny(forbidden(user, 'list', SECRETS, namespace)),
      );
    }
    // A RoleBinding to all service accounts, left over from a migration, opens the ci namespace.
    const ciAllow = decision(
      true,
      rbacReason(
        'ci-secret-readers',
        'ci',
        'Role',
        'secret-reader',
        'Group "system:serviceaccounts"',
      ),
    );
    s.add(s.f.resource(frontendToken, s.atUs, 'list', SECRETS, 'ci', '')).annotations = ciAllow;
    s.add(s.f.resource(frontendToken, s.atUs, 'get', SECRETS, 'ci', 'deployer-token')).annotations =
      ciAllow;
    s.add(
      s.f
        .resource(frontendToken, s.atUs, 'list', SECRETS, '', '')
        .deny(forbidden(user, 'list', SECRETS, '')),
    );
  },

  'cluster-admin-binding'(s) {
    const { stolenCiDeployer } = s.actors;
    const at = (): number => s.atUs;
    const manifest = serviceAccountManifest('kube-system', 'node-debugger');
    const sa = s.f.resource(
      stolenCiDeployer,
      at(),
      'create',
      SERVICEACCOUNTS,
      'kube-system',
      'node-debugger',
    );
    sa.requestObject = manifest;
    sa.responseObject = createdObject(manifest, s.f.rng.uuid(), s.f.resourceVersion(at()), at());
    s.add(sa);
    const binding = clusterAdminBinding('node-debugger-admin', 'kube-system', 'node-debugger');
    const crb = s.f.resource(
      stolenCiDeployer,
      at(),
      'create',
      CLUSTERROLEBINDINGS,
      '',
      'node-debugger-admin',
    );
    crb.requestObject = binding;
    crb.responseObject = createdObject(binding, s.f.rng.uuid(), s.f.resourceVersion(at()), at());
    s.add(crb);
    const token = s.f.resource(
      stolenCiDeployer,
      at(),
      'create',
      SERVICEACCOUNTS,
      'kube-system',
      'node-debugger',
      'token',
    );
    token.annotations = annotations({
      ...stolenCiDeployer.allow,
      'authentication.kubernetes.io/issued-credential-id': `JTI=${s.f.rng.uuid()}`,
    });
    s.add(token);
  },

  'privileged-pod'(s) {
    const { nodeDebugger } = s.actors;
    const name = 'node-debugger';
    const node = s.w.cluster.controlPlanes[0]?.name ?? 'cp-1';
    const denied = s.f.resource(nodeDebugger, s.atUs, 'create', PODS, 'web', name);
    denied.requestObject = privilegedPod('web', name, node);
    denied.fail(podSecurityForbidden(name, 'baseline:latest', BASELINE_VIOLATIONS));
    denied.annotations = annotations({
      ...nodeDebugger.allow,
      'pod-security.kubernetes.io/enforce-policy': 'baseline:latest',
    });
    s.add(denied);
    s.wait(30);
    const pod = privilegedPod('kube-system', name, node);
    const created = s.f.resource(nodeDebugger, s.atUs, 'create', PODS, 'kube-system', name);
    created.requestObject = pod;
    created.responseObject = createdObject(
      pod,
      s.f.rng.uuid(),
      s.f.resourceVersion(s.atUs),
      s.atUs,
    );
    created.annotations = annotations({
      ...nodeDebugger.allow,
      'pod-security.kubernetes.io/audit-violations': `would violate PodSecurity "restricted:latest": ${RESTRICTED_VIOLATIONS}`,
      'pod-security.kubernetes.io/enforce-policy': 'privileged:latest',
    });
    s.add(created);
    s.wait(20);
    const query =
      '?command=chroot&command=%2Fhost&command=bash&container=debug&stdin=true&stdout=true&tty=true';
    const exec = s.f.resource(
      nodeDebugger,
      s.atUs,
      'create',
      PODS,
      'kube-system',
      name,
      'exec',
      query,
    );
    exec.durationUs = 380e6;
    s.add(exec);
  },
};

/**
 * Every story's requests, sorted by time. `startUs`/`durationUs` is the window; pauses
 * are scaled to it (real-time for a day or longer).
 */
export function buildStoryRequests(
  f: DraftFactory,
  w: World,
  startUs: number,
  durationUs: number,
): RequestDraft[] {
  const actors = buildStoryActors(f.rng, w);
  const scale = Math.min(1, durationUs / 86_400e6);
  const drafts: RequestDraft[] = [];
  for (const story of SAMPLE_STORIES) {
    const startsAt =
      startUs + Math.floor(story.at * durationUs) + f.rng.int(Math.round(1e6 * scale));
    const script = new StoryScript(f, w, actors, startsAt, scale);
    SCRIPTS[story.id](script);
    drafts.push(...script.drafts);
  }
  return drafts.sort((a, b) => a.receivedUs - b.receivedUs);
}
