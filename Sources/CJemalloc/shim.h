// jemalloc takes the place of the C library's malloc for the whole `gongkai` process once the
// executable links it (it is loaded before libc): nothing needs to be called, so this header,
// which the module needs, declares nothing.
