/*
 * Test shim for Windows expand.exe, only: expand CABINET -F:* DESTDIR
 * Extracts every file of the cabinet into DESTDIR through setupapi's SetupIterateCabinet,
 * which uses cabinet.dll's FDI decoder (MSZIP, checksums), the library expand.exe is built
 * on. Prints Windows' progress lines; exits 0 on success and 1 when the cabinet cannot be
 * read. Differences from Windows: English text only, no -r/-d/-i, no file name filters.
 * With RDPX_EXPAND_MISSING=1 it behaves as if expand.exe were not installed (cmd's message,
 * exit code 9009), to test the blocks' fallback to extrac32.
 */
#include <windows.h>
#include <setupapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *dest;
static int count;

static UINT CALLBACK onFile(PVOID ctx, UINT note, UINT_PTR p1, UINT_PTR p2)
{
    if (note == SPFILENOTIFY_FILEINCABINET) {
        FILE_IN_CABINET_INFO_A *info = (FILE_IN_CABINET_INFO_A *)p1;
        snprintf(info->FullTargetName, MAX_PATH, "%s\\%s", dest, info->NameInCabinet);
        printf("Adding %s to Extraction Queue\r\n", info->FullTargetName);
        count++;
        return FILEOP_DOIT;
    }
    return NO_ERROR;
}

int main(int argc, char **argv)
{
    const char *missing = getenv("RDPX_EXPAND_MISSING");
    if (missing && !strcmp(missing, "1")) {
        fprintf(stderr, "'expand' is not recognized as an internal or external command,\r\noperable program or batch file.\r\n");
        return 9009;
    }
    if (argc != 4 || _stricmp(argv[2], "-F:*")) {
        printf("expand shim: use expand CABINET -F:* DESTDIR\r\n");
        return 2;
    }
    dest = argv[3];
    printf("Microsoft (R) File Expansion Utility\r\nCopyright (c) Microsoft Corporation. All rights reserved.\r\n\r\n");
    if (!SetupIterateCabinetA(argv[1], 0, onFile, NULL)) {
        printf("Can't open input file: %s.\r\n", argv[1]);
        return 1;
    }
    printf("\r\nExpanding Files ....\r\n\r\nExpanding Files Complete ...\r\n%d files total.\r\n", count);
    return 0;
}
