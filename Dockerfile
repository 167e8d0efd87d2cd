# XAPY Docs: the whole site (static pages and server routes) in one container.
#   docker build --build-arg XAPY_COMMIT=$(git rev-parse --short=12 HEAD) -t xapy-docs .
#   docker run -p 8080:8080 xapy-docs
# The Node tag matches the `node` devDependency (package.json), the version every npm script runs.

FROM node:24.21.0-trixie-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# /healthz reports this commit (the build context has no .git).
ARG XAPY_COMMIT=
ENV XAPY_COMMIT=${XAPY_COMMIT}
RUN npm run build

FROM node:24.21.0-trixie-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
# What scripts/serve.mjs loads: the build, itself, and the server modules it imports (src/server).
COPY --from=build /app/dist ./dist
COPY scripts/serve.mjs ./scripts/serve.mjs
COPY src/server ./src/server
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node itself is PID 1, so SIGTERM from `docker stop` reaches the server, which then stops gracefully.
CMD ["node", "scripts/serve.mjs"]
