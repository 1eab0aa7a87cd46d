# syntax=docker/dockerfile:1
# Beacon, compiled, on the current Node.js LTS, running as a non-root user.
#   docker build -t beacon .
#   docker run -p 3000:3000 -v beacon-data:/data -e BEACON_PUBLIC_URL=https://beacon.example.com beacon
# runs everything in one process (serve mode, embedded database in /data).
# docker-compose.yml runs the same image as release, web and worker on
# PostgreSQL and Redis. test/deploy/deploy-files.test.ts keeps this file in
# step with the Procfile, the compose file and the configuration.

# Build: all dependencies, the Prisma client, the compiled dist/.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN node scripts/prisma-generate.mjs && npm run build

# Runtime dependencies only.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    BEACON_HOST=0.0.0.0 \
    BEACON_DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
RUN mkdir -p /data && chown node:node /data && chmod 700 /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node is PID 1 here and Beacon handles SIGTERM itself: docker stop lets
# in-flight commands and deliveries finish (BEACON_SHUTDOWN_SECONDS, 8 s,
# inside docker's 10 s).
CMD ["node", "dist/src/main.js", "--mode", "serve"]
