# syntax=docker/dockerfile:1
# Multi-stage build. Both stages use the same Debian base: @node-rs/jieba ships glibc-specific
# binaries and better-sqlite3 compiles a native addon, so what is installed in the build stage
# must run unchanged in the runtime stage.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Toolchain for better-sqlite3 when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Production dependencies only, pinned by the lockfile (tsx runs the TypeScript sources; no compile step
# to drift from). `npm install` rather than `npm ci`: see .ci/run for why `npm ci` rejects this lockfile.
RUN npm install --omit=dev --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY config ./config
COPY seeds ./seeds

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/data \
    SEEDS_DIR=/app/seeds \
    CONFIG_DIR=/app/config \
    TZ=Asia/Shanghai \
    PORT=8080
WORKDIR /app
COPY --from=build --chown=node:node /app /app
# DATA_DIR holds the SQLite database and the search index cache: keep it on a volume.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 8080
# The bot serves GET /healthz on PORT in both polling and webhook mode.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--import", "tsx", "src/main.ts"]
