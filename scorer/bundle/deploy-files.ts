// The deployment files a bundle carries: Dockerfile, .dockerignore, .npmrc and Kubernetes
// manifests. None of them ran here (no container engine or cluster on the machines this is
// built on); the manifests are checked against the Kubernetes schemas in the tests.
import { stringify } from 'yaml';

export interface DeployNames {
  /** DNS-safe app name, e.g. `churn-scorer`. */
  app: string;
  image: string;
  /**
   * Environment beyond HOST, PORT and the API key (default: the prediction log on its volume);
   * the multi-model bundle sets its cache limits here instead.
   */
  env?: { name: string; value: string }[];
  /** Container memory request and limit (default 256Mi / 512Mi). */
  memory?: { request: string; limit: string };
}

/** Pods run as the node image's unprivileged `node` user. */
const RUN_AS_USER = 1000;
const PORT = 8080;

export function dockerfile(): string {
  return `# Scoring service image. Untested here: no container engine ran where this bundle was made.
FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev && npm cache clean --force
COPY . .
# Non-root: the node image's unprivileged user.
USER node
# Listening beyond loopback needs TOURNEY_API_KEY (docker run -e TOURNEY_API_KEY=…): the server refuses to start without it.
ENV HOST=0.0.0.0 PORT=${PORT}
EXPOSE ${PORT}
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \\
  CMD node -e "fetch('http://127.0.0.1:${PORT}/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "server.js"]
`;
}

export const DOCKERIGNORE = 'node_modules\nnpm-debug.log\npredictions/\n';

/** npm settings for the bundle: no audit/fund noise; onnxruntime-node's postinstall fetches nothing (the CPU binary ships in the package). */
export const NPMRC = 'onnxruntime-node-install=skip\naudit=false\nfund=false\n';

export function kubernetesManifests({ app, image, env, memory }: DeployNames): Record<string, unknown> {
  const labels = { 'app.kubernetes.io/name': app, 'app.kubernetes.io/component': 'scorer' };
  const probe = (path: string, period: number) => ({ httpGet: { path, port: 'http' }, periodSeconds: period, timeoutSeconds: 2, failureThreshold: 3 });
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: app, labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, runAsUser: RUN_AS_USER, runAsGroup: RUN_AS_USER, seccompProfile: { type: 'RuntimeDefault' } },
          terminationGracePeriodSeconds: 30,
          containers: [{
            name: 'scorer',
            image,
            imagePullPolicy: 'IfNotPresent',
            ports: [{ name: 'http', containerPort: PORT, protocol: 'TCP' }],
            env: [
              { name: 'HOST', value: '0.0.0.0' },
              { name: 'PORT', value: String(PORT) },
              { name: 'TOURNEY_API_KEY', valueFrom: { secretKeyRef: { name: `${app}-api-key`, key: 'api-key' } } },
              // The CPU limit below: a container sees all the node's cores, not its quota.
              { name: 'TOURNEY_SCORER_THREADS', value: '1' },
              ...(env ?? [
                { name: 'TOURNEY_PREDICTION_LOG', value: '/var/lib/tourney/predictions' },
                { name: 'TOURNEY_PREDICTION_LOG_TOTAL_BYTES', value: String(256 * 1024 * 1024) },
              ]),
            ],
            startupProbe: { ...probe('/readyz', 2), failureThreshold: 30 },
            readinessProbe: probe('/readyz', 5),
            livenessProbe: probe('/healthz', 10),
            resources: { requests: { cpu: '250m', memory: memory?.request ?? '256Mi' }, limits: { cpu: '1', memory: memory?.limit ?? '512Mi' } },
            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
            volumeMounts: [{ name: 'predictions', mountPath: '/var/lib/tourney/predictions' }],
          }],
          volumes: [{ name: 'predictions', emptyDir: { sizeLimit: '300Mi' } }],
        },
      },
    },
  };
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: app, labels },
    spec: { type: 'ClusterIP', selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] },
  };
  const hpa = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: app, labels },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
    },
  };
  const pdb = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: app, labels },
    spec: { minAvailable: 1, selector: { matchLabels: labels } },
  };
  return { 'deployment.yaml': deployment, 'service.yaml': service, 'hpa.yaml': hpa, 'pdb.yaml': pdb };
}

export function toYaml(doc: unknown): string {
  // No anchors/aliases for the shared label maps: plain YAML every tool reads the same way.
  return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}
