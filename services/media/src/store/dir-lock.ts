/** The embedded database directory lock now lives in @sinhome/runtime (media and outcomes both hold one). */
export { acquireDirLock, DirectoryLockedError, type DirLock } from "@sinhome/runtime";
