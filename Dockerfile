# The server as a container image: a production install (`npm ci --omit=dev`) that runs `node main.ts` on the
# project's own Node 24 (the `node` dependency, in node_modules/.bin) as an unprivileged user. The base is the
# official Node image; where no registry can be reached, pass one built from Debian's packages with Node and npm
# (`--build-arg BASE=…`, as .ci/container-image does). Run it with SECURITY__API_KEY and SECURITY__ADMIN_TOKEN:
# it listens on 0.0.0.0 under NODE_ENV=production, which needs both. Without DATABASE_URL it keeps PGlite in /data.
ARG BASE=node:24-bookworm-slim

FROM ${BASE} AS build
LABEL org.opencontainers.image.title=game-backend
WORKDIR /app
COPY . .
# The install scripts set up the project's Node 24 and bundle the live page; the dev tools stay out.
RUN npm ci --omit=dev --no-audit --no-fund && rm -rf /root/.npm

FROM ${BASE}
LABEL org.opencontainers.image.title=game-backend
RUN groupadd --gid 10001 game && useradd --uid 10001 --gid game --no-create-home --home-dir /app game \
    && mkdir /data && chown game:game /data
WORKDIR /app
COPY --from=build --chown=root:root /app /app
ENV PATH=/app/node_modules/.bin:$PATH \
    NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
VOLUME /data
EXPOSE 3000
USER game
# SIGTERM starts the graceful stop: in-flight requests finish, the database closes, the process exits 0.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/livez`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself, not npm, so that signals reach the server.
ENTRYPOINT ["node", "main.ts"]
