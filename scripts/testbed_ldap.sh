#!/usr/bin/env bash
# OpenLDAP and a MinIO that uses it as its identity provider, on 127.0.0.1:
# our own slapd (Debian's, installed when missing) with a throwaway mdb
# database under $TESTBED_DIR/ldap, loaded with three users and two groups,
# and a MinIO over HTTP with MINIO_IDENTITY_LDAP_* pointing at it. Random
# free ports and passwords; writes $TESTBED_DIR/ldap.env for the tests.
#   scripts/testbed_ldap.sh start | stop
set -euo pipefail
source "$(dirname "$0")/testbed_lib.sh"
L="$DIR/ldap"
BASE_DN="dc=minio-edge,dc=test"
ROOT_DN="cn=admin,$BASE_DN"
LOOKUP_DN="cn=minio,ou=services,$BASE_DN"
SLAPD=/usr/sbin/slapd

install_openldap() {
  [ -x "$SLAPD" ] && command -v ldapadd > /dev/null && return 0
  echo "== apt-get install slapd ldap-utils"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n" # never prompts: fails instead
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq slapd ldap-utils > /dev/null
}

hash_password() { # file: slappasswd reads the secret from the file, not argv
  slappasswd -h '{SSHA}' -T "$1"
}

write_secret() { # name: a new random secret in $L/<name>.pw, no newline (ldapadd -y reads it all)
  printf '%s' "$(random_secret)" > "$L/$1.pw"
}

slapd_config() { # port
  cat <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile $L/slapd.pid
argsfile $L/slapd.args

database mdb
maxsize 16777216
suffix "$BASE_DN"
rootdn "$ROOT_DN"
rootpw $(hash_password "$L/root.pw")
directory $L/data
# Passwords are only for binding; MinIO's lookup account reads the rest.
access to attrs=userPassword by self write by anonymous auth by * none
access to * by * read
CONF
}

directory_ldif() {
  cat <<LDIF
dn: $BASE_DN
objectClass: dcObject
objectClass: organization
dc: minio-edge
o: minio-edge test directory

dn: ou=people,$BASE_DN
objectClass: organizationalUnit
ou: people

dn: ou=groups,$BASE_DN
objectClass: organizationalUnit
ou: groups

dn: ou=services,$BASE_DN
objectClass: organizationalUnit
ou: services

dn: $LOOKUP_DN
objectClass: organizationalRole
objectClass: simpleSecurityObject
cn: minio
userPassword: $(hash_password "$L/lookup.pw")
LDIF
  local user
  for user in alice bob carol; do
    printf '\ndn: uid=%s,ou=people,%s\nobjectClass: inetOrgPerson\nuid: %s\ncn: %s\nsn: %s\nuserPassword: %s\n' \
      "$user" "$BASE_DN" "$user" "$user" "$user" "$(hash_password "$L/$user.pw")"
  done
  # Groups of two, so a user's policies can come from both, one or none.
  printf '\ndn: cn=editors,ou=groups,%s\nobjectClass: groupOfNames\ncn: editors\n' "$BASE_DN"
  printf 'member: uid=%s,ou=people,%s\n' alice "$BASE_DN" bob "$BASE_DN"
  printf '\ndn: cn=readers,ou=groups,%s\nobjectClass: groupOfNames\ncn: readers\n' "$BASE_DN"
  printf 'member: uid=%s,ou=people,%s\n' bob "$BASE_DN" carol "$BASE_DN"
}

start() {
  stop quiet
  install_openldap
  umask 077 # the password files and the database are ours alone
  mkdir -p "$L/data"
  : > "$L/pids"
  local name
  for name in root lookup alice bob carol; do write_secret "$name"; done
  local ldap_port minio_port
  ldap_port=$(free_port)
  slapd_config > "$L/slapd.conf"
  # -d 0 keeps slapd in the foreground, so $! is its PID.
  "$SLAPD" -d 0 -f "$L/slapd.conf" -h "ldap://127.0.0.1:$ldap_port/" > "$L/slapd.log" 2>&1 &
  echo $! >> "$L/pids"
  wait_until "slapd on :$ldap_port" "$L" \
    ldapsearch -x -H "ldap://127.0.0.1:$ldap_port" -b "" -s base
  directory_ldif | ldapadd -x -H "ldap://127.0.0.1:$ldap_port" -D "$ROOT_DN" -y "$L/root.pw" \
    > "$L/ldapadd.log"

  local secret
  secret=$(random_secret)
  minio_port=$(free_port)
  MINIO_ROOT_USER=minioadmin MINIO_ROOT_PASSWORD=$secret \
    MINIO_IDENTITY_LDAP_SERVER_ADDR="127.0.0.1:$ldap_port" \
    MINIO_IDENTITY_LDAP_SERVER_INSECURE=on \
    MINIO_IDENTITY_LDAP_LOOKUP_BIND_DN="$LOOKUP_DN" \
    MINIO_IDENTITY_LDAP_LOOKUP_BIND_PASSWORD="$(cat "$L/lookup.pw")" \
    MINIO_IDENTITY_LDAP_USER_DN_SEARCH_BASE_DN="ou=people,$BASE_DN" \
    MINIO_IDENTITY_LDAP_USER_DN_SEARCH_FILTER='(uid=%s)' \
    MINIO_IDENTITY_LDAP_GROUP_SEARCH_BASE_DN="ou=groups,$BASE_DN" \
    MINIO_IDENTITY_LDAP_GROUP_SEARCH_FILTER='(&(objectclass=groupOfNames)(member=%d))' \
    start_group_minio "$L" "$minio_port" http ""

  cat > "$DIR/ldap.env" <<ENV
export MINIO_TEST_LDAP_HOST=127.0.0.1
export MINIO_TEST_LDAP_PORT=$minio_port
export MINIO_TEST_LDAP_ACCESS_KEY=minioadmin
export MINIO_TEST_LDAP_SECRET_KEY=$secret
export MINIO_TEST_LDAP_SERVER=127.0.0.1:$ldap_port
export MINIO_TEST_LDAP_BASE_DN=$BASE_DN
export MINIO_TEST_LDAP_PASSWORD_ALICE=$(cat "$L/alice.pw")
export MINIO_TEST_LDAP_PASSWORD_BOB=$(cat "$L/bob.pw")
export MINIO_TEST_LDAP_PASSWORD_CAROL=$(cat "$L/carol.pw")
ENV
  echo "testbed: slapd ldap://127.0.0.1:$ldap_port ($BASE_DN), MinIO with LDAP http://127.0.0.1:$minio_port"
}

stop() {
  stop_group "$L"
  rm -f "$DIR/ldap.env"
  [ "${1:-}" = quiet ] || echo "testbed: LDAP stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
