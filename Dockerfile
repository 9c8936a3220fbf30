# syntax=docker/dockerfile:1
# LearninGPT's production image (see README "Deploying"). Stages:
#   deps     the workspace's dependencies, from the lockfile only (pnpm fetch, then an offline install)
#   build    `pnpm build`: the API bundles (apps/server/dist) and the two browser apps (apps/*/dist)
#   prod     the server's production dependencies alone (pnpm deploy --prod): no workspace sources,
#            no dev tools, no embedded PostgreSQL
#   app      the runtime: dist/ + node_modules, as user `node`; runs the API (default), the worker
#            (`node dist/worker.mjs`) or the migrations (`node dist/migrate.mjs`)
#   proxy    nginx (unprivileged): serves the built web app and admin panel, load-balances the API
#
#   docker build --target app -t learningpt-app .
#   docker build --target proxy -t learningpt-proxy --build-arg VITE_WEB_URL=https://app.example.com .

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH TURBO_TELEMETRY_DISABLED=1 CI=1
# The pnpm of package.json's packageManager.
RUN npm install -g pnpm@10.34.8 --no-audit --no-fund
WORKDIR /repo

FROM base AS deps
# Only the lockfile and workspace settings: this layer is rebuilt when dependencies change, not code.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store pnpm fetch --store-dir /pnpm/store
COPY . .
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --offline --store-dir /pnpm/store

FROM deps AS build
# The admin panel's links to the program editor point at the web app (build time).
ARG VITE_WEB_URL=http://localhost:8080
ENV VITE_WEB_URL=${VITE_WEB_URL}
RUN pnpm build

FROM build AS prod
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store \
    pnpm --filter @learningpt/server deploy --prod --legacy --store-dir /pnpm/store /out

FROM ${NODE_IMAGE} AS app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 UPLOADS_DIR=/data/uploads
WORKDIR /app
# Code and dependencies belong to root and are read-only for the process; only the uploads
# folder (a volume in compose.yaml) is its to write.
COPY --from=prod /out/package.json ./package.json
COPY --from=prod /out/node_modules ./node_modules
COPY --from=build /repo/apps/server/dist ./dist
RUN mkdir -p /data/uploads && chown node:node /data/uploads
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM drains and exits 0 (apps/server/src/server.ts); Node runs as PID 1 here, which is fine
# because both entry points handle SIGTERM and SIGINT themselves.
STOPSIGNAL SIGTERM
CMD ["node", "dist/server.mjs"]

FROM nginxinc/nginx-unprivileged:1.27-alpine AS proxy
COPY deploy/nginx/default.conf /etc/nginx/conf.d/default.conf
COPY deploy/nginx/api-routes.conf deploy/nginx/api-proxy.conf /etc/nginx/snippets/
COPY --from=build /repo/apps/web/dist /usr/share/nginx/html/web
COPY --from=build /repo/apps/admin/dist /usr/share/nginx/html/admin
EXPOSE 8080 8081
