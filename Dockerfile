# syntax=docker/dockerfile:1
# Two stages on the same Debian base (@node-rs/jieba ships glibc binaries; better-sqlite3 compiles a native
# addon for this Node), so what the build stage installs runs unchanged in the runtime stage.
# Node 24, the current LTS: keep in step with .ci/run's IMAGE_NODE (CI runs the tests on it) and engines.
ARG NODE_IMAGE=node:24.22.3-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Toolchain for better-sqlite3 when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Exactly the lockfile (fails if it is out of sync with package.json).
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# Compiled here, so the runtime needs neither tsx nor esbuild nor TypeScript; then the dev dependencies go.
# npm keeps TypeScript as valibot's optional peer ("devOptional"): nothing at run time needs it.
# better-sqlite3 loads only its compiled addon: its C sources and object files (about 27 MB) stay behind.
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/typescript node_modules/.bin/tsc node_modules/.bin/tsserver \
 && cd node_modules/better-sqlite3 \
 && rm -rf deps src build/deps build/Release/obj build/Release/obj.target build/Release/.deps build/Release/sqlite3.a build/Release/test_extension.node

FROM ${NODE_IMAGE} AS runtime
# No TZ here: the paper's zone comes from config/paper.json (PAPER_TIME_ZONE overrides it).
ENV NODE_ENV=production \
    DATA_DIR=/data \
    SEEDS_DIR=/app/seeds \
    CONFIG_DIR=/app/config \
    PORT=8080
WORKDIR /app
# Code, config and seeds belong to root and are read-only for the app user; only /data is writable.
COPY package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY config ./config
COPY seeds ./seeds
# DATA_DIR holds the SQLite database and the search index cache: keep it on a volume.
RUN mkdir /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 8080
# The bot serves GET /healthz on PORT in both polling and webhook mode.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "dist/main.js"]
