# One image for every role (worker, scheduler, serve, one-off runs): the role is the command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY jobs ./jobs
COPY workers ./workers
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
COPY fixtures ./fixtures
USER node
ENTRYPOINT ["node", "dist/src/cli/main.js"]
CMD ["--help"]
