// What people and CI send, mostly in office hours: developers (alice, bob) reading and
// nudging their team's workloads, the on-call SRE (carol) looking across the cluster, and
// the CI deployer applying manifests. Their writes are logged with bodies.

import type { Actor } from './actors';
import {
  cordonPatch,
  createdObject,
  deleteOptions,
  deploymentApplyPatch,
  deploymentObject,
  evictionObject,
  jobObject,
  podObject,
  restartPatch,
  scaleObject,
  scalePatch,
  secretObject,
  selfSubjectAccessReview,
} from './bodies';
import type { Workload } from './cluster';
import type { DraftFactory } from './request-draft';
import {
  CONFIGMAPS,
  DEPLOYMENTS,
  JOBS,
  NODE_METRICS,
  NODES,
  PODS,
  SECRETS,
  SELFSUBJECTACCESSREVIEWS,
} from './resources';
import { alreadyExists, forbidden, invalid, STATUS_SERVICE_UNAVAILABLE } from './response-status';
import { template, type TrafficTemplate } from './traffic-template';
import type { World } from './world';

const ALICE_NAMESPACES = ['catalog', 'web'];
const BOB_NAMESPACES = ['web', 'checkout'];
const CLIENT_SIDE_APPLY = '?fieldManager=kubectl-client-side-apply&fieldValidation=Strict';

interface Developer {
  actor: Actor;
  namespace: string;
}

function developer(f: DraftFactory, w: World): Developer {
  const alice = f.rng.chance(0.5);
  return {
    actor: alice ? w.alice : w.bob,
    namespace: f.rng.pick(alice ? ALICE_NAMESPACES : BOB_NAMESPACES),
  };
}

/** The next release of a workload's image: same repository, a new patch version. */
function nextImage(f: DraftFactory, workload: Workload): string {
  const repository = workload.image.slice(0, workload.image.lastIndexOf(':'));
  return `${repository}:${f.rng.between(1, 6)}.${f.rng.between(0, 40)}.${f.rng.between(0, 20)}`;
}

function username(actor: Actor): string {
  return actor.user.username ?? '';
}

const DEVELOPER_TRAFFIC: readonly TrafficTemplate[] = [
  template('developer lists pods', 14, (f, w, at) => {
    const dev = developer(f, w);
    return f.resource(dev.actor, at, 'list', PODS, dev.namespace, '', '', '?limit=500');
  }),
  template('developer gets a pod', 7, (f, w, at) => {
    const dev = developer(f, w);
    const pod = f.rng.pick(w.cluster.podsIn(dev.namespace));
    return f.resource(dev.actor, at, 'get', PODS, pod.namespace, pod.name);
  }),
  template('developer follows logs', 5, (f, w, at) => {
    const dev = developer(f, w);
    const pod = f.rng.pick(w.cluster.podsIn(dev.namespace));
    const query = `?container=${pod.workload.container}&follow=true&tailLines=100`;
    const d = f.resource(dev.actor, at, 'get', PODS, pod.namespace, pod.name, 'log', query);
    d.durationUs = Math.round(f.rng.logUniform(5e6, 900e6));
    return d;
  }),
  template('developer lists deployments', 5, (f, w, at) => {
    const dev = developer(f, w);
    return f.resource(dev.actor, at, 'list', DEPLOYMENTS, dev.namespace, '', '', '?limit=500');
  }),
  template('developer gets a deployment', 3, (f, w, at) => {
    const dev = developer(f, w);
    const wl = f.rng.pick(w.cluster.deploymentsIn(dev.namespace));
    return f.resource(dev.actor, at, 'get', DEPLOYMENTS, wl.namespace, wl.name);
  }),
  template('kubectl discovery', 5, (f, w, at) =>
    f.path(f.rng.pick([w.alice, w.bob, w.carol]), at, 'get', f.rng.chance(0.5) ? '/api' : '/apis'),
  ),
  template('developer reads a configmap', 3, (f, w, at) => {
    const dev = developer(f, w);
    const wl = f.rng.pick(w.cluster.deploymentsIn(dev.namespace));
    return f.resource(dev.actor, at, 'get', CONFIGMAPS, wl.namespace, `${wl.name}-config`);
  }),
  template('developer is denied payments secrets', 1, (f, w, at) => {
    const dev = developer(f, w);
    return f
      .resource(dev.actor, at, 'list', SECRETS, 'payments', '', '', '?limit=500')
      .deny(forbidden(username(dev.actor), 'list', SECRETS, 'payments'));
  }),
  template('developer is denied a kube-system secret', 0.5, (f, w, at) => {
    const dev = developer(f, w);
    return f
      .resource(dev.actor, at, 'get', SECRETS, 'kube-system', 'cloud-provider-credentials')
      .deny(
        forbidden(username(dev.actor), 'get', SECRETS, 'kube-system', 'cloud-provider-credentials'),
      );
  }),
  template('developer checks access', 1, (f, w, at) => {
    const dev = developer(f, w);
    const d = f.resource(dev.actor, at, 'create', SELFSUBJECTACCESSREVIEWS, '', '');
    [d.requestObject, d.responseObject] = selfSubjectAccessReview(
      dev.namespace,
      'delete',
      'pods',
      true,
    );
    return d;
  }),
  template('developer restarts a deployment', 2, (f, w, at) => {
    const dev = developer(f, w);
    const wl = f.rng.pick(w.cluster.deploymentsIn(dev.namespace));
    const d = f.resource(
      dev.actor,
      at,
      'patch',
      DEPLOYMENTS,
      wl.namespace,
      wl.name,
      '',
      '?fieldManager=kubectl-rollout',
    );
    d.annotations = w.developerWrite(wl.namespace);
    if (d.logsRequestBody) d.requestObject = restartPatch(at);
    if (d.logsResponseBody)
      d.responseObject = deploymentObject(
        wl,
        wl.image,
        wl.pods.length,
        wl.uid,
        f.resourceVersion(at),
        at,
        f.rng.between(8, 60),
      );
    return d;
  }),
  template('developer scales a deployment', 0.8, (f, w, at) => {
    const dev = developer(f, w);
    const wl = f.rng.pick(w.cluster.deploymentsIn(dev.namespace));
    const replicas = wl.pods.length + 1;
    const d = f.resource(dev.actor, at, 'patch', DEPLOYMENTS, wl.namespace, wl.name, 'scale');
    d.annotations = w.developerWrite(wl.namespace);
    if (d.logsRequestBody) d.requestObject = scalePatch(replicas);
    if (d.logsResponseBody) d.responseObject = scaleObject(wl, replicas, f.resourceVersion(at));
    return d;
  }),
  template('developer deletes a pod', 1.5, (f, w, at) => {
    const dev = developer(f, w);
    const pod = f.rng.pick(w.cluster.podsIn(dev.namespace));
    const d = f.resource(dev.actor, at, 'delete', PODS, pod.namespace, pod.name);
    d.annotations = w.developerWrite(pod.namespace);
    if (d.logsRequestBody) d.requestObject = deleteOptions();
    if (d.logsResponseBody) d.responseObject = podObject(pod, f.resourceVersion(at), 'Running');
    return d;
  }),
  template('developer port-forwards', 0.7, (f, w, at) => {
    const dev = developer(f, w);
    const pod = f.rng.pick(w.cluster.podsIn(dev.namespace));
    const d = f.resource(dev.actor, at, 'create', PODS, pod.namespace, pod.name, 'portforward');
    d.annotations = w.developerWrite(pod.namespace);
    d.durationUs = Math.round(f.rng.logUniform(60e6, 1_800e6));
    return d;
  }),
];

const SRE_TRAFFIC: readonly TrafficTemplate[] = [
  template('sre lists nodes', 4, (f, w, at) =>
    f.resource(w.carol, at, 'list', NODES, '', '', '', '?limit=500'),
  ),
  template('sre gets a node', 2, (f, w, at) =>
    f.resource(w.carol, at, 'get', NODES, '', f.rng.pick(w.nodes).node.name),
  ),
  template('sre lists all pods', 3, (f, w, at) =>
    f.resource(w.carol, at, 'list', PODS, '', '', '', '?limit=500'),
  ),
  template('sre reads node metrics', 2, (f, w, at) =>
    f.resource(w.carol, at, 'list', NODE_METRICS, '', ''),
  ),
  template('sre finds node metrics unavailable', 0.2, (f, w, at) =>
    f.resource(w.carol, at, 'list', NODE_METRICS, '', '').fail(STATUS_SERVICE_UNAVAILABLE),
  ),
  template('sre execs into prometheus', 0.3, (f, w, at) => {
    const query = '?command=sh&container=prometheus&stdin=true&stdout=true&tty=true';
    const d = f.resource(
      w.carol,
      at,
      'create',
      PODS,
      'monitoring',
      'prometheus-k8s-0',
      'exec',
      query,
    );
    d.durationUs = Math.round(f.rng.logUniform(30e6, 600e6));
    return d;
  }),
  template('sre cordons a node', 0.15, (f, w, at) => {
    const d = f.resource(w.carol, at, 'patch', NODES, '', f.rng.pick(w.cluster.workers).name);
    if (d.logsRequestBody) d.requestObject = cordonPatch();
    return d;
  }),
  template('sre evicts a pod', 0.3, (f, w, at) => {
    const pod = f.rng.pick(w.cluster.teamPods);
    const d = f.resource(w.carol, at, 'create', PODS, pod.namespace, pod.name, 'eviction');
    if (d.logsRequestBody) d.requestObject = evictionObject(pod);
    return d;
  }),
];

const CI_TRAFFIC: readonly TrafficTemplate[] = [
  template('ci reads a deployment', 6, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.teamDeployments);
    return f.resource(w.ciDeployer, at, 'get', DEPLOYMENTS, wl.namespace, wl.name);
  }),
  template('ci applies a deployment', 4, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.teamDeployments);
    const image = nextImage(f, wl);
    const replicas = wl.pods.length;
    const d = f.resource(
      w.ciDeployer,
      at,
      'patch',
      DEPLOYMENTS,
      wl.namespace,
      wl.name,
      '',
      CLIENT_SIDE_APPLY,
    );
    if (d.logsRequestBody) d.requestObject = deploymentApplyPatch(wl, image, replicas);
    if (d.logsResponseBody)
      d.responseObject = deploymentObject(
        wl,
        image,
        replicas,
        wl.uid,
        f.resourceVersion(at),
        at,
        f.rng.between(8, 60),
      );
    return d;
  }),
  template('ci applies a configmap', 3, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.teamDeployments);
    return f.resource(
      w.ciDeployer,
      at,
      'patch',
      CONFIGMAPS,
      wl.namespace,
      `${wl.name}-config`,
      '',
      CLIENT_SIDE_APPLY,
    );
  }),
  template('ci waits for a rollout', 1.5, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.teamDeployments);
    const d = f.watch(
      w.ciDeployer,
      at,
      DEPLOYMENTS,
      wl.namespace,
      `fieldSelector=metadata.name%3D${wl.name}`,
    );
    d.durationUs = Math.round(f.rng.logUniform(15e6, 240e6));
    return d;
  }),
  template('ci lists pods', 2, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.teamDeployments);
    return f.resource(
      w.ciDeployer,
      at,
      'list',
      PODS,
      wl.namespace,
      '',
      '',
      `?labelSelector=app%3D${wl.name}`,
    );
  }),
  template('ci creates a secret', 0.2, (f, w, at) => {
    const name = `payments-db-${f.rng.nameSuffix(5)}`;
    const d = f.resource(
      w.ciDeployer,
      at,
      'create',
      SECRETS,
      'payments',
      name,
      '',
      '?fieldManager=kubectl-create&fieldValidation=Strict',
    );
    const secret = secretObject('payments', name, {
      username: 'payments',
      password: f.rng.nameSuffix(24),
    });
    if (d.logsRequestBody) d.requestObject = secret;
    if (d.logsResponseBody)
      d.responseObject = createdObject(secret, f.rng.uuid(), f.resourceVersion(at), at);
    return d;
  }),
  template('ci apply is rejected as invalid', 0.1, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.teamDeployments);
    const field = 'spec.template.spec.containers[0].image';
    const d = f.resource(
      w.ciDeployer,
      at,
      'patch',
      DEPLOYMENTS,
      wl.namespace,
      wl.name,
      '',
      CLIENT_SIDE_APPLY,
    );
    if (d.logsRequestBody) d.requestObject = deploymentApplyPatch(wl, '', wl.pods.length);
    return d.fail(invalid(DEPLOYMENTS, wl.name, field, 'FieldValueRequired', 'Required value'));
  }),
  template('ci creates an existing configmap', 0.3, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.teamDeployments);
    const name = `${wl.name}-config`;
    return f
      .resource(w.ciDeployer, at, 'create', CONFIGMAPS, wl.namespace, name)
      .fail(alreadyExists(CONFIGMAPS, name));
  }),
  template('ci runs a migration job', 0.3, (f, w, at) => {
    const name = `payments-migrate-${f.rng.nameSuffix(5)}`;
    const d = f.resource(
      w.ciDeployer,
      at,
      'create',
      JOBS,
      'payments',
      name,
      '',
      '?fieldManager=kubectl-create&fieldValidation=Strict',
    );
    const job = jobObject('payments', name, 'registry.example.com/payments/payments-api:1.42.3', [
      '/app/migrate',
      'up',
    ]);
    if (d.logsRequestBody) d.requestObject = job;
    if (d.logsResponseBody)
      d.responseObject = createdObject(job, f.rng.uuid(), f.resourceVersion(at), at);
    return d;
  }),
  template('expired kubeconfig token', 0.3, (f, w, at) => {
    const d = f.resource(w.expiredToken, at, 'list', PODS, 'web', '', '', '?limit=500');
    d.ending = 'unauthenticated';
    return d;
  }),
];

export const PEOPLE_TRAFFIC: readonly TrafficTemplate[] = [
  ...DEVELOPER_TRAFFIC,
  ...SRE_TRAFFIC,
  ...CI_TRAFFIC,
];
