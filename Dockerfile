# One image for every role (worker, scheduler, serve, store init, one-off runs): the role is the command.
# Node 24 is the current LTS; the tag is pinned so that a rebuild gets the same runtime.
FROM node:24.21.0-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY jobs ./jobs
COPY workers ./workers
COPY scripts ./scripts
COPY tools ./tools
RUN npm ci --no-audit --no-fund && npm run build && npm prune --omit=dev

FROM node:24.21.0-bookworm-slim
# The PNG charts of notifications are drawn with this font (resvg finds no system font otherwise).
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
COPY fixtures ./fixtures
USER node
ENTRYPOINT ["node", "dist/src/cli/main.js"]
CMD ["--help"]
