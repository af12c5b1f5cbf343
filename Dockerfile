# syntax=docker/dockerfile:1
# The app as one image: `next build` at build time, `node scripts/server.mjs` (the production server) at run time.
# docker-compose.yml runs two of these behind nginx on PostgreSQL; see README "Running several instances".

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npx next build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    MEDIA_DIR=/data/media
# node_modules stays whole: `payload migrate` (the compose file's migrate service) loads the TypeScript config.
# The build folder is the app's to write (cached pages), hence node:node.
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data/media && chown -R node:node /data
USER node
EXPOSE 3000
CMD ["node", "scripts/server.mjs"]
