/*
 * Test shim for Windows findstr.exe, only: findstr [/i] /c:"literal" [/c:"literal" ...]
 * reading standard input. Prints every line that contains one of the literals and exits 0
 * when at least one line matched, 1 otherwise (as findstr does). Wine 8's findstr is a stub
 * that prints nothing and exits 0 (every check would pass). Differences from Windows: no
 * regular expressions, files, /x /b /e /v options.
 */
#include <stdio.h>
#include <string.h>
#include <ctype.h>

static int contains(const char *line, const char *needle, int fold)
{
    size_t n = strlen(needle);
    for (const char *p = line; *p; p++) {
        size_t k = 0;
        while (k < n && p[k] && (fold ? tolower((unsigned char)p[k]) == tolower((unsigned char)needle[k]) : p[k] == needle[k])) k++;
        if (k == n) return 1;
    }
    return n == 0;
}

int main(int argc, char **argv)
{
    const char *needles[32];
    int count = 0, fold = 0, matched = 0;
    for (int i = 1; i < argc; i++) {
        if (!_stricmp(argv[i], "/i")) fold = 1;
        else if (!_strnicmp(argv[i], "/c:", 3) && count < 32) needles[count++] = argv[i] + 3;
        else { fprintf(stderr, "FINDSTR shim: unsupported argument %s\n", argv[i]); return 2; }
    }
    char line[8192];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\r\n")] = 0;
        for (int j = 0; j < count; j++)
            if (contains(line, needles[j], fold)) { printf("%s\r\n", line); matched = 1; break; }
    }
    return matched ? 0 : 1;
}
