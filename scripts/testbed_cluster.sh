#!/usr/bin/env bash
# A distributed MinIO on 127.0.0.1: 4 server processes (nodes), 2 drives
# each, one erasure set of 8 drives (MinIO's default parity for 8 drives is
# EC:4), behind Debian's nginx as the load balancer (installed by
# scripts/install.sh). Random free ports; each node has its own port and its
# own drive folders, so every node gets the full list of the 8 endpoints
# (http://127.0.0.1:<port>/<folder>) and serves the ones on its --address
# port. (MinIO's ellipsis form, http://host:{9001...9004}/d{1...2}, expands
# to every combination, so it would give every node the same folders.)
# Writes $TESTBED_DIR/cluster.env for the tests.
#   scripts/testbed_cluster.sh start | stop
#   scripts/testbed_cluster.sh start-node N   restarts node N (1-4) after a kill
#   scripts/testbed_cluster.sh renew          all 4 nodes afresh on empty drives (same ports)
set -euo pipefail
source "$(dirname "$0")/testbed_lib.sh"
C="$DIR/cluster"
NGINX="${NGINX:-/usr/sbin/nginx}"
NODES=4

endpoints() { # every node's drives, in node order
  local i
  for i in $(seq 1 $NODES); do
    echo "http://127.0.0.1:$(cat "$C/node$i.port")$C/node$i/d1"
    echo "http://127.0.0.1:$(cat "$C/node$i.port")$C/node$i/d2"
  done
}

start_node() { # n: starts node n in the background; its PID goes to node<n>.pid and pids
  local n=$1
  # The endpoints, secret and node ports come from the files start wrote.
  # In a container (/.dockerenv) MinIO waits forever for a loopback endpoint
  # to resolve to another address, unless _MINIO_SERVER_LOCAL names the
  # node's own host:port: then it takes those endpoints as its own.
  # A clean environment: the nodes refuse a peer whose MINIO_* variables
  # differ from theirs, and a node restarted by a test would otherwise carry
  # the tests' MINIO_TEST_* ones.
  # shellcheck disable=SC2046
  env -i HOME="$HOME" PATH="$PATH" _MINIO_SERVER_LOCAL="127.0.0.1:$(cat "$C/node$n.port")" \
    MINIO_ROOT_USER=minioadmin MINIO_ROOT_PASSWORD="$(cat "$C/secret")" \
    MINIO_BROWSER=off MINIO_UPDATE=off MINIO_CI_CD=1 \
    "$MINIO" server --quiet --address "127.0.0.1:$(cat "$C/node$n.port")" $(endpoints) \
    >> "$C/node$n.log" 2>&1 &
  echo $! > "$C/node$n.pid"
  echo $! >> "$C/pids"
}

nginx_config() { # balancer port
  cat <<NGINX
daemon off;
master_process off;
worker_processes 1;
pid $C/nginx/nginx.pid;
error_log $C/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $C/nginx/body;
  proxy_temp_path $C/nginx/proxy;
  fastcgi_temp_path $C/nginx/fastcgi;
  uwsgi_temp_path $C/nginx/uwsgi;
  scgi_temp_path $C/nginx/scgi;
  upstream minio {
    least_conn;
$(for i in $(seq 1 $NODES); do echo "    server 127.0.0.1:$(cat "$C/node$i.port") max_fails=1 fail_timeout=2s;"; done)
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$1;
    ignore_invalid_headers off; # S3 header names MinIO reads
    client_max_body_size 0;
    proxy_buffering off; # stream both ways, as a balancer in front of S3 should
    proxy_request_buffering off;
    location / {
      proxy_http_version 1.1;
      proxy_set_header Host \$http_host; # what the client signed
      proxy_set_header Connection "";
      proxy_connect_timeout 2s;
      proxy_read_timeout 300s;
      # A node that is down refuses the connection: try the next one, for
      # PUT and POST too (nothing reached the dead node). A body already
      # streamed to a node cannot be sent again (no request buffering).
      proxy_next_upstream error timeout http_502 non_idempotent;
      proxy_next_upstream_tries 4;
      proxy_pass http://minio;
      # Which node answered, so a test can kill the one serving a download.
      add_header X-Minio-Edge-Upstream \$upstream_addr always;
    }
  }
}
NGINX
}

start() {
  stop quiet
  [ -x "$MINIO" ] || { echo "testbed: $MINIO missing; run scripts/install.sh" >&2; exit 1; }
  [ -x "$NGINX" ] || { echo "testbed: $NGINX missing; run scripts/install.sh" >&2; exit 1; }
  umask 077
  mkdir -p "$C/nginx"
  : > "$C/pids"
  random_secret > "$C/secret"
  local i lb
  for i in $(seq 1 $NODES); do
    mkdir -p "$C/node$i/d1" "$C/node$i/d2"
    free_port > "$C/node$i.port"
  done
  for i in $(seq 1 $NODES); do start_node "$i"; done
  for i in $(seq 1 $NODES); do
    wait_until "cluster node $i" "$C" curl -fsS "http://127.0.0.1:$(cat "$C/node$i.port")/minio/health/cluster"
  done
  lb=$(free_port)
  nginx_config "$lb" > "$C/nginx/nginx.conf"
  "$NGINX" -p "$C/nginx" -c "$C/nginx/nginx.conf" -e "$C/nginx/error.log" > "$C/nginx.log" 2>&1 &
  echo $! >> "$C/pids"
  wait_until "nginx on :$lb" "$C" curl -fsS "http://127.0.0.1:$lb/minio/health/cluster"

  cat > "$DIR/cluster.env" <<ENV
export MINIO_TEST_CLUSTER_HOST=127.0.0.1
export MINIO_TEST_CLUSTER_PORT=$lb
export MINIO_TEST_CLUSTER_ACCESS_KEY=minioadmin
export MINIO_TEST_CLUSTER_SECRET_KEY=$(cat "$C/secret")
export MINIO_TEST_CLUSTER_DIR=$C
export MINIO_TEST_CLUSTER_CTL=$ROOT/scripts/testbed_cluster.sh
export MINIO_TEST_CLUSTER_NODES="$(for i in $(seq 1 $NODES); do printf '127.0.0.1:%s ' "$(cat "$C/node$i.port")"; done | sed 's/ $//')"
ENV
  echo "testbed: MinIO cluster of $NODES nodes behind nginx http://127.0.0.1:$lb"
}

stop() {
  stop_group "$C"
  rm -f "$DIR/cluster.env"
  [ "${1:-}" = quiet ] || echo "testbed: MinIO cluster stopped"
}

renew() { # the 4 nodes killed and started again on empty drives, same ports; nginx stays
  local i pid
  for i in $(seq 1 $NODES); do
    pid=$(cat "$C/node$i.pid")
    kill -9 "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -rf "$C/node$i/d1" "$C/node$i/d2"
    mkdir -p "$C/node$i/d1" "$C/node$i/d2"
  done
  for i in $(seq 1 $NODES); do start_node "$i"; done
  for i in $(seq 1 $NODES); do
    wait_until "cluster node $i" "$C" curl -fsS "http://127.0.0.1:$(cat "$C/node$i.port")/minio/health/cluster"
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  start-node)
    [[ "${2:-}" =~ ^[1-4]$ ]] && [ -f "$C/secret" ] || { echo "usage: $0 start-node 1-4 (cluster running)" >&2; exit 2; }
    start_node "$2"
    ;;
  renew)
    [ -f "$C/secret" ] || { echo "usage: $0 renew (cluster running)" >&2; exit 2; }
    renew
    ;;
  *) echo "usage: $0 start|stop|start-node N|renew" >&2; exit 2 ;;
esac
