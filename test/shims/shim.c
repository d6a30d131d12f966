/*
 * One test shim for the Windows tools Wine lacks or stubs (wevtutil, icacls, netstat,
 * tasklist, net, powershell, bcdedit, ...). Built once per tool name with mingw-w64; the
 * copy's own file name says which tool it plays.
 *
 * Every call appends its arguments to %RR_SHIM_DIR%\<tool>.log. Output comes from
 * %RR_SHIM_DIR%\<tool>.txt, a list of sections:
 *     @@ <exit-code> <substring or *>
 *     <lines printed when the arguments contain the substring (case-insensitive)>
 * The first matching section wins; no match (or no file) prints nothing and exits 0. A needle
 * "#N rest" matches from the tool's N-th call on (a fact that changes, e.g. after a restart).
 *
 * icacls /save <file> and netsh advfirewall export <file> write the file (empty), as the real
 * ones do; auditpol /backup /file:<file> writes the fixture's CSV to it (see auditpol below).
 *
 * sc.exe (installed only where a test asks for it) answers from sc.txt when a section matches;
 * otherwise `sc config <service> start= auto|demand|disabled` writes the service's Start value
 * with Wine's reg.exe (Wine's own sc config fails), and any other call goes to Wine's sc.exe.
 *
 * bcdedit.exe without /store (and no matching section) plays the system store as Windows mounts
 * it, at HKLM\BCD00000000, through Wine's reg.exe: /export <file> and /import <file> save and
 * restore the whole key, /deletevalue {default} <element> deletes the element's key of the entry
 * the boot manager's 23000003 element names, and fails (exit 1, "Element not found.") when the
 * entry does not carry it, as bcdedit does.
 *
 * bcdedit /store "<file>" /deletevalue {default} <element> plays an offline store the way reg.exe's
 * load is emulated here: the file is a .reg export of keys under HKLM\RR_BOOT (where the offline
 * scripts load it), the element's key of the {default} entry is deleted, and the file written
 * back; a missing element fails as bcdedit does.
 *
 * reg.exe is special: load/unload are emulated on top of Wine's real reg.exe (a "hive file"
 * is a .reg export whose keys live under the mount point); any other call is answered from
 * reg.txt when a section matches, else passed through to the real reg.exe. icacls /save
 * writes the file it names, as the real one does.
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

static char dir[MAX_PATH];

static const char *args_of(const char *cmdline) {
  const char *p = cmdline;
  if (*p == '"') {
    p++;
    while (*p && *p != '"') p++;
    if (*p) p++;
  } else {
    while (*p && *p != ' ' && *p != '\t') p++;
  }
  while (*p == ' ' || *p == '\t') p++;
  return p;
}

static int contains_ci(const char *hay, const char *needle) {
  size_t n = strlen(needle);
  if (n == 0) return 1;
  for (; *hay; hay++)
    if (_strnicmp(hay, needle, n) == 0) return 1;
  return 0;
}

static void log_call(const char *tool, const char *args) {
  char path[MAX_PATH];
  snprintf(path, sizeof path, "%s\\%s.log", dir, tool);
  FILE *f = fopen(path, "ab");
  if (!f) return;
  fprintf(f, "%s\r\n", args);
  fclose(f);
}

static int run(const char *cmdline) {
  STARTUPINFOA si = {sizeof si};
  PROCESS_INFORMATION pi;
  char buf[8192];
  DWORD code = 1;
  snprintf(buf, sizeof buf, "%s", cmdline);
  if (!CreateProcessA(NULL, buf, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) return 1;
  WaitForSingleObject(pi.hProcess, INFINITE);
  GetExitCodeProcess(pi.hProcess, &code);
  CloseHandle(pi.hProcess);
  CloseHandle(pi.hThread);
  return (int)code;
}

/* How many times this tool has been called, this call included (lines of its log). */
static int calls(const char *tool) {
  char path[MAX_PATH];
  snprintf(path, sizeof path, "%s\\%s.log", dir, tool);
  FILE *f = fopen(path, "rb");
  if (!f) return 0;
  int n = 0, c;
  while ((c = fgetc(f)) != EOF)
    if (c == '\n') n++;
  fclose(f);
  return n;
}

/* icacls /save "<file>" ...: creates the file. */
static const char *find_ci(const char *hay, const char *needle) {
  size_t n = strlen(needle);
  for (; *hay; hay++)
    if (_strnicmp(hay, needle, n) == 0) return hay;
  return NULL;
}

/* Writes the (empty) file named after `verb`, as icacls /save and netsh advfirewall export do. */
static void write_named(const char *args, const char *verb) {
  const char *p = find_ci(args, verb);
  if (!p) return;
  p += strlen(verb);
  while (*p == ' ') p++;
  char file[MAX_PATH];
  int i = 0;
  char end = ' ';
  if (*p == '"') {
    end = '"';
    p++;
  }
  while (*p && *p != end && i < MAX_PATH - 1) file[i++] = *p++;
  file[i] = 0;
  FILE *f = fopen(file, "wb");
  if (f) fclose(f);
}

static int fixture_to(FILE *out, const char *tool, const char *args, int *found) {
  char path[MAX_PATH], line[65536];
  snprintf(path, sizeof path, "%s\\%s.txt", dir, tool);
  FILE *f = fopen(path, "rb");
  *found = 0;
  if (!f) return 0;
  int printing = 0, matched = 0, code = 0;
  while (fgets(line, sizeof line, f)) {
    if (strncmp(line, "@@ ", 3) == 0) {
      if (matched) break;
      char *end;
      long rc = strtol(line + 3, &end, 10);
      while (*end == ' ') end++;
      char needle[4096];
      snprintf(needle, sizeof needle, "%s", end);
      needle[strcspn(needle, "\r\n")] = 0;
      char *match = needle;
      int from = 0;
      if (*match == '#') {
        from = (int)strtol(match + 1, &match, 10);
        while (*match == ' ') match++;
      }
      if (calls(tool) < from) continue;
      if (strcmp(match, "*") == 0 || contains_ci(args, match)) {
        printing = matched = 1;
        code = (int)rc;
      }
      continue;
    }
    if (printing) fputs(line, out);
  }
  fclose(f);
  fflush(out);
  *found = matched;
  return code;
}

static int fixture(const char *tool, const char *args, int *found) {
  return fixture_to(stdout, tool, args, found);
}

/* The file after `verb` in args (quoted or not), or "" when there is none. */
static void named_file(const char *args, const char *verb, char *file) {
  const char *p = find_ci(args, verb);
  file[0] = 0;
  if (!p) return;
  p += strlen(verb);
  while (*p == ' ') p++;
  int i = 0;
  char end = ' ';
  if (*p == '"') {
    end = '"';
    p++;
  }
  while (*p && *p != end && i < MAX_PATH - 1) file[i++] = *p++;
  file[i] = 0;
}

/*
 * secedit /export ... /cfg <file>: writes the fixture's text to the file (nothing on stdout),
 * or a healthy machine's user rights when no section matches; a non-zero exit code writes
 * nothing. Written as the text cmd's `type` makes of secedit's Unicode file on Windows: Wine's
 * `type` copies a UTF-16 file's bytes and stops at the first NUL, so it cannot convert one.
 */
static int secedit(const char *args) {
  char file[MAX_PATH];
  named_file(args, "/cfg ", file);
  if (!find_ci(args, "/export") || !file[0]) return 1;
  char temp[MAX_PATH];
  snprintf(temp, sizeof temp, "%s.part", file);
  FILE *out = fopen(temp, "wb");
  if (!out) return 1;
  int found;
  int code = fixture_to(out, "secedit", args, &found);
  if (!found)
    fputs("[Unicode]\r\nUnicode=yes\r\n[Privilege Rights]\r\n"
          "SeNetworkLogonRight = *S-1-1-0,*S-1-5-32-544,*S-1-5-32-545,*S-1-5-32-551\r\n"
          "SeInteractiveLogonRight = *S-1-5-32-544,*S-1-5-32-545,*S-1-5-32-551\r\n"
          "SeRemoteInteractiveLogonRight = *S-1-5-32-544,*S-1-5-32-555\r\n"
          "SeDenyNetworkLogonRight = Guest\r\n"
          "[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n",
          out);
  fclose(out);
  if (code != 0) {
    remove(temp);
    return code;
  }
  remove(file);
  rename(temp, file);
  return 0;
}

/*
 * auditpol /backup /file:<file>: writes the fixture's CSV to the file (nothing on stdout), or a
 * default Windows Server's Logon line (success and failure, Setting Value 3) when no section
 * matches; a non-zero exit code writes nothing. The columns are MS-GPAC's audit.csv header.
 */
static int auditpol(const char *args) {
  char file[MAX_PATH];
  named_file(args, "/file:", file);
  if (!find_ci(args, "/backup") || !file[0]) return 87;
  char temp[MAX_PATH];
  snprintf(temp, sizeof temp, "%s.part", file);
  FILE *out = fopen(temp, "wb");
  if (!out) return 1;
  int found;
  int code = fixture_to(out, "auditpol", args, &found);
  if (!found)
    fputs("Machine Name,Policy Target,Subcategory,Subcategory GUID,Inclusion Setting,"
          "Exclusion Setting,Setting Value\r\n"
          "RDPTESTVM,System,Logon,{0CCE9215-69AE-11D9-BED3-505054503030},Success and Failure,,3\r\n",
          out);
  fclose(out);
  if (code != 0) {
    remove(temp);
    return code;
  }
  remove(file);
  rename(temp, file);
  return 0;
}

/* reg load HKLM\X file | reg unload HKLM\X, emulated with import/export/delete. */
static int reg_hive(const char *verb, const char *args) {
  char key[512] = "", file[MAX_PATH] = "", cmd[2048], map[MAX_PATH];
  const char *p = args + strlen(verb);
  while (*p == ' ') p++;
  int i = 0;
  while (*p && *p != ' ' && i < 511) key[i++] = *p++;
  key[i] = 0;
  while (*p == ' ') p++;
  i = 0;
  if (*p == '"') p++;
  while (*p && *p != '"' && i < MAX_PATH - 1) file[i++] = *p++;
  file[i] = 0;
  const char *leaf = strrchr(key, '\\');
  leaf = leaf ? leaf + 1 : key;
  snprintf(map, sizeof map, "%s\\mount-%s", dir, leaf);
  if (_stricmp(verb, "load") == 0) {
    snprintf(cmd, sizeof cmd, "C:\\windows\\system32\\reg.exe import \"%s\"", file);
    int rc = run(cmd);
    if (rc == 0) {
      FILE *m = fopen(map, "wb");
      if (m) {
        fputs(file, m);
        fclose(m);
      }
    }
    return rc;
  }
  char failures[MAX_PATH];
  snprintf(failures, sizeof failures, "%s\\unload-failures", dir);
  FILE *ff = fopen(failures, "rb");
  if (ff) {
    int n = 0;
    if (fscanf(ff, "%d", &n) != 1) n = 0;
    fclose(ff);
    if (n > 0) {
      ff = fopen(failures, "wb");
      if (ff) {
        fprintf(ff, "%d", n - 1);
        fclose(ff);
      }
      return 1;
    }
  }
  FILE *m = fopen(map, "rb");
  if (!m) return 1;
  if (!fgets(file, sizeof file, m)) file[0] = 0;
  fclose(m);
  snprintf(cmd, sizeof cmd, "C:\\windows\\system32\\reg.exe export %s \"%s\" /y", key, file);
  int rc = run(cmd);
  snprintf(cmd, sizeof cmd, "C:\\windows\\system32\\reg.exe delete %s /f", key);
  if (rc == 0) rc = run(cmd);
  if (rc == 0) DeleteFileA(map);
  return rc;
}


/* sc config <service> start= <type>: the Start value the real service manager would write. */
static int sc_config(const char *args) {
  char service[257];
  const char *p = args + 7;
  while (*p == ' ') p++;
  int i = 0;
  while (*p && *p != ' ' && i < 256) service[i++] = *p++;
  service[i] = 0;
  const char *type = strstr(args, "start= ");
  if (!type || i == 0) return 1639;
  type += 7;
  int start = _strnicmp(type, "auto", 4) == 0       ? 2
              : _strnicmp(type, "demand", 6) == 0   ? 3
              : _strnicmp(type, "disabled", 8) == 0 ? 4
                                                     : -1;
  if (start < 0) return 1639;
  char cmd[1024];
  snprintf(cmd, sizeof cmd,
           "C:\\windows\\system32\\reg.exe add \"HKLM\\SYSTEM\\CurrentControlSet\\Services\\%s\" /v Start /t "
           "REG_DWORD /d %d /f",
           service, start);
  return run(cmd);
}

#define BCD_STORE "BCD00000000"
#define BCD_POINTER BCD_STORE "\\Objects\\{9dea862c-5cdd-4e70-acc1-f32b344d4795}\\Elements\\23000003"

static int bcdedit_system_at(const char *root, const char *args);
static int bcdedit_set(const char *given);

/* The system store's bcdedit: see the header. */
static int bcdedit_system(const char *args) {
  char cmd[8192];
  if (_strnicmp(args, "/export ", 8) == 0) {
    snprintf(cmd, sizeof cmd, "C:\\windows\\system32\\reg.exe export HKLM\\" BCD_STORE " %s /y", args + 8);
    return run(cmd);
  }
  if (_strnicmp(args, "/import ", 8) == 0) {
    run("C:\\windows\\system32\\reg.exe delete HKLM\\" BCD_STORE " /f");
    snprintf(cmd, sizeof cmd, "C:\\windows\\system32\\reg.exe import %s", args + 8);
    return run(cmd);
  }
  if (_strnicmp(args, "/set {default} ", 15) == 0) return bcdedit_set(args + 15);
  return bcdedit_system_at(BCD_STORE, args);
}

/* /set {default} safeboot minimal|network|dsrepair, or safebootalternateshell no|yes: the element's
   key gets its Element value (BcdLibrary_SafeBoot 0, 1, 2 as 8 bytes; a boolean as 1 byte). */
static int bcdedit_set(const char *given) {
  char args[128];
  snprintf(args, sizeof args, "%s", given);
  for (size_t n = strlen(args); n > 0 && args[n - 1] == ' '; n--) args[n - 1] = 0;
  static const char *const names[] = {"safeboot minimal", "safeboot network", "safeboot dsrepair",
                                      "safebootalternateshell no", "safebootalternateshell yes"};
  static const char *const data[] = {"0000000000000000", "0100000000000000", "0200000000000000", "00",
                                     "01"};
  char entry[64];
  DWORD size = sizeof entry;
  for (int i = 0; i < 5; i++) {
    if (_stricmp(args, names[i]) != 0) continue;
    if (RegGetValueA(HKEY_LOCAL_MACHINE, BCD_POINTER, "Element", RRF_RT_REG_SZ, NULL, entry, &size) !=
        ERROR_SUCCESS) {
      printf("The boot configuration data store could not be opened.\n");
      return 1;
    }
    char cmd[8192];
    snprintf(cmd, sizeof cmd,
             "C:\\windows\\system32\\reg.exe add \"HKLM\\" BCD_STORE
             "\\Objects\\%s\\Elements\\%s\" /v Element /t REG_BINARY /d %s /f",
             entry, i < 3 ? "25000080" : "26000081", data[i]);
    return run(cmd);
  }
  printf("The parameter is incorrect.\n");
  return 1;
}

/* /deletevalue {default} <element> in the store mounted at HKLM\<root>. */
static int bcdedit_system_at(const char *root, const char *args) {
  char cmd[8192];
  if (_strnicmp(args, "/deletevalue {default} ", 23) == 0) {
    char element[64];
    snprintf(element, sizeof element, "%s", args + 23);
    for (size_t n = strlen(element); n > 0 && element[n - 1] == ' '; n--) element[n - 1] = 0;
    const char *type = _stricmp(element, "safeboot") == 0                 ? "25000080"
                       : _stricmp(element, "safebootalternateshell") == 0 ? "26000081"
                                                                           : NULL;
    char entry[64];
    DWORD size = sizeof entry;
    char pointer[256];
    snprintf(pointer, sizeof pointer, "%s%s", root, BCD_POINTER + strlen(BCD_STORE));
    if (!type || RegGetValueA(HKEY_LOCAL_MACHINE, pointer, "Element", RRF_RT_REG_SZ, NULL, entry,
                              &size) != ERROR_SUCCESS) {
      printf("The boot configuration data store could not be opened.\n");
      return 1;
    }
    char key[512];
    snprintf(key, sizeof key, "%s\\Objects\\%s\\Elements\\%s", root, entry, type);
    HKEY h;
    if (RegOpenKeyExA(HKEY_LOCAL_MACHINE, key, 0, KEY_READ, &h) != ERROR_SUCCESS) {
      printf("An error occurred while attempting to delete the specified data element.\nElement not found.\n");
      return 1;
    }
    RegCloseKey(h);
    snprintf(cmd, sizeof cmd, "C:\\windows\\system32\\reg.exe delete \"HKLM\\%s\" /f", key);
    int rc = run(cmd);
    if (rc == 0) printf("The operation completed successfully.\n");
    return rc;
  }
  return 0;
}

/* bcdedit /store "<file>" /deletevalue {default} <element>: see the header. */
static int bcdedit_offline(const char *args) {
  const char *p = strstr(args, "/store ");
  const char *verb = strstr(args, "/deletevalue {default} ");
  if (!p || !verb) return 0;
  p += 7;
  while (*p == ' ') p++;
  char load[MAX_PATH + 64];
  int i = snprintf(load, sizeof load, "load HKLM\\RR_BOOT ");
  if (*p == '"') {
    load[i++] = *p++;
    while (*p && *p != '"' && i < (int)sizeof load - 2) load[i++] = *p++;
    load[i++] = '"';
  }
  load[i] = 0;
  if (reg_hive("load", load) != 0) return 1;
  int rc = bcdedit_system_at("RR_BOOT", verb);
  reg_hive("unload", "unload HKLM\\RR_BOOT");
  return rc;
}

int main(void) {
  char self[MAX_PATH], tool[64];
  GetModuleFileNameA(NULL, self, sizeof self);
  const char *base = strrchr(self, '\\');
  base = base ? base + 1 : self;
  snprintf(tool, sizeof tool, "%s", base);
  char *dot = strrchr(tool, '.');
  if (dot) *dot = 0;
  for (char *c = tool; *c; c++) *c = (char)tolower((unsigned char)*c);
  const char *env = getenv("RR_SHIM_DIR");
  snprintf(dir, sizeof dir, "%s", env ? env : ".");
  const char *args = args_of(GetCommandLineA());
  log_call(tool, args);
  if (strcmp(tool, "reg") == 0) {
    if (_strnicmp(args, "load ", 5) == 0) return reg_hive("load", args);
    if (_strnicmp(args, "unload ", 7) == 0) return reg_hive("unload", args);
    int found;
    int rc = fixture(tool, args, &found);
    if (found) return rc;
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "C:\\windows\\system32\\reg.exe %s", args);
    return run(cmd);
  }
  if (strcmp(tool, "sc") == 0) {
    int found;
    int rc = fixture(tool, args, &found);
    if (found) return rc;
    if (_strnicmp(args, "config ", 7) == 0) return sc_config(args);
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "C:\\windows\\system32\\sc.exe %s", args);
    return run(cmd);
  }
  if (strcmp(tool, "secedit") == 0) return secedit(args);
  if (strcmp(tool, "auditpol") == 0) return auditpol(args);
  if (strcmp(tool, "bcdedit") == 0) {
    int found;
    int rc = fixture(tool, args, &found);
    if (found) return rc;
    return strstr(args, "/store") ? bcdedit_offline(args) : bcdedit_system(args);
  }
  if (strcmp(tool, "icacls") == 0) write_named(args, "/save ");
  if (strcmp(tool, "netsh") == 0) write_named(args, "advfirewall export ");
  int found;
  return fixture(tool, args, &found);
}
