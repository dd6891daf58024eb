// Findable incidents planted in the sample traffic, each a handful of requests at a fixed
// point of the window. Together they tell one intrusion: a scan, bob's stolen kubeconfig
// used to exec into a frontend pod, its token sweeping secrets, a leaked CI token turned
// into cluster-admin, and a privileged pod on a control-plane node.

import type { DimensionKey } from '@/lib/audit/dimensions';

export interface SampleStory {
  readonly id: StoryId;
  readonly title: string;
  readonly description: string;
  /** Where the story starts, as a fraction of the window (0 = start, 1 = end). */
  readonly at: number;
  /** Filters (dimension key → value, AND-ed) that bring up the story's key events. */
  readonly filter: Readonly<Partial<Record<DimensionKey, string>>>;
}

export type StoryId =
  | 'anonymous-probe'
  | 'failed-authentication'
  | 'secret-in-audit-log'
  | 'apiserver-panic'
  | 'impersonation-denied'
  | 'impersonation-allowed'
  | 'exec-stolen-kubeconfig'
  | 'secret-sweep'
  | 'cluster-admin-binding'
  | 'privileged-pod';

export const SAMPLE_STORIES: readonly SampleStory[] = [
  {
    id: 'anonymous-probe',
    title: 'Anonymous probing from the internet',
    description:
      'system:anonymous from 203.0.113.45 reads /version (allowed), then is denied /api, /apis, secrets and pods.',
    at: 0.15,
    filter: { user: 'system:anonymous' },
  },
  {
    id: 'failed-authentication',
    title: 'Requests with forged tokens',
    description:
      'Three requests from the same scanner fail authentication: lone ResponseStarted events, code 401, empty user.',
    at: 0.152,
    filter: { code: '401', sourceIP: '203.0.113.45' },
  },
  {
    id: 'secret-in-audit-log',
    title: 'A Secret written into the audit log',
    description:
      'The CI deployer creates a Secret in payments, where a compliance rule logs writes at RequestResponse: its base64 data is in the event.',
    at: 0.35,
    filter: { resource: 'secrets', level: 'RequestResponse' },
  },
  {
    id: 'apiserver-panic',
    title: 'apiserver handler panics',
    description:
      'Timed-out list and watch handlers panic: Panic stage, code 500, "net/http: abort Handler".',
    at: 0.4,
    filter: { stage: 'Panic' },
  },
  {
    id: 'impersonation-denied',
    title: 'Denied impersonation of system:admin',
    description:
      'alice runs kubectl get nodes --as=system:admin: logged under the original verb (list nodes) with a 403, no impersonatedUser and no authorization annotations.',
    at: 0.45,
    filter: { user: 'alice@example.com', resource: 'nodes', code: '403' },
  },
  {
    id: 'impersonation-allowed',
    title: 'On-call SRE acting as the payments service account',
    description:
      'carol impersonates system:serviceaccount:payments:payments-api: lists pods and reads a Secret (allowed), then a delete is denied.',
    at: 0.455,
    filter: { impersonatedUser: 'system:serviceaccount:payments:payments-api' },
  },
  {
    id: 'exec-stolen-kubeconfig',
    title: "Exec into a frontend pod with bob's stolen kubeconfig",
    description:
      'bob@example.com from 198.51.100.77 (not his usual 192.168.10.41) opens a shell in a web/frontend pod: create pods/exec, ResponseStarted 101, then ResponseComplete minutes later.',
    at: 0.62,
    filter: { user: 'bob@example.com', subresource: 'exec' },
  },
  {
    id: 'secret-sweep',
    title: 'A pod token reading secrets across namespaces',
    description:
      'system:serviceaccount:web:frontend, from inside the pod, lists Secrets in every namespace: forbidden in most, allowed in web and ci, where it reads the CI deployer token.',
    at: 0.625,
    filter: { user: 'system:serviceaccount:web:frontend', resource: 'secrets' },
  },
  {
    id: 'cluster-admin-binding',
    title: 'A new ClusterRoleBinding to cluster-admin',
    description:
      'The stolen CI deployer token, used from 198.51.100.77, creates kube-system/node-debugger, binds it to cluster-admin (RequestResponse body) and mints it a token.',
    at: 0.64,
    filter: { resource: 'clusterrolebindings', verb: 'create' },
  },
  {
    id: 'privileged-pod',
    title: 'A privileged pod with the host filesystem',
    description:
      'node-debugger creates a pod with hostNetwork, hostPID and hostPath / mounted, privileged: PodSecurity rejects it in web (baseline), admits it in kube-system (privileged, with audit violations); then an exec into it.',
    at: 0.645,
    filter: { user: 'system:serviceaccount:kube-system:node-debugger', resource: 'pods' },
  },
];
