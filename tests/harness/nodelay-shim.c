/*
 * LD_PRELOAD shim for pcscd where the quick-ack route cannot be added (pcsc-on-linux.md §6 fix B):
 * vpcd 3.3 sends each frame's length and payload in two writes on a socket without TCP_NODELAY,
 * so Nagle plus delayed ACK add ~44 ms to every APDU. Setting TCP_NODELAY on accepted sockets
 * removes the wait.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

static void nodelay(int fd) {
  int one = 1;
  if (fd >= 0) setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

int accept(int fd, struct sockaddr *addr, socklen_t *len) {
  static int (*real)(int, struct sockaddr *, socklen_t *);
  if (!real) real = dlsym(RTLD_NEXT, "accept");
  int client = real(fd, addr, len);
  nodelay(client);
  return client;
}

int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags) {
  static int (*real)(int, struct sockaddr *, socklen_t *, int);
  if (!real) real = dlsym(RTLD_NEXT, "accept4");
  int client = real(fd, addr, len, flags);
  nodelay(client);
  return client;
}
