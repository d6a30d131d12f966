/*
 * Test shim for Windows certutil.exe: only the subcommands the RdpRescue transfer blocks use.
 *   certutil -hashfile FILE [MD5|SHA1|SHA256|SHA384|SHA512]
 *   certutil [-f] -decode IN OUT
 * Output layout follows Windows 10 / Server 2016 and later (hash as one lowercase hex word).
 * With RDPX_CERTUTIL_LEGACY=1 it prints the Windows 8.1 / Server 2012 R2 layout instead
 * ("... hash of file X:" and bytes separated by spaces). Decoding goes through crypt32's
 * CryptStringToBinaryA, the call certutil itself relies on. Known differences from Windows:
 * error texts are English only, no -v/-gmt/other options, no Unicode file names.
 */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(const char *verb, DWORD win32, const char *name, const char *text)
{
    HRESULT hr = HRESULT_FROM_WIN32(win32);
    printf("CertUtil: -%s command FAILED: 0x%08lx (WIN32: %lu %s)\r\n", verb, (unsigned long)hr,
           (unsigned long)win32, name);
    printf("CertUtil: %s\r\n", text);
    return (int)hr;
}

static BYTE *read_all(const char *path, DWORD *size, DWORD *err)
{
    HANDLE h = CreateFileA(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE) { *err = GetLastError(); return NULL; }
    DWORD n = GetFileSize(h, NULL), got = 0;
    BYTE *buf = malloc(n + 1);
    if (!ReadFile(h, buf, n, &got, NULL) || got != n) { *err = GetLastError(); CloseHandle(h); free(buf); return NULL; }
    CloseHandle(h);
    buf[n] = 0;
    *size = n;
    return buf;
}

static int hashfile(const char *path, const char *alg)
{
    ALG_ID id = CALG_SHA1;
    const char *label = "SHA1";
    if (alg) {
        if (!_stricmp(alg, "MD5")) { id = CALG_MD5; label = "MD5"; }
        else if (!_stricmp(alg, "SHA1")) { id = CALG_SHA1; label = "SHA1"; }
        else if (!_stricmp(alg, "SHA256")) { id = CALG_SHA_256; label = "SHA256"; }
        else if (!_stricmp(alg, "SHA384")) { id = CALG_SHA_384; label = "SHA384"; }
        else if (!_stricmp(alg, "SHA512")) { id = CALG_SHA_512; label = "SHA512"; }
        else return fail("hashfile", ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER", "The parameter is incorrect.");
    }
    DWORD size = 0, err = 0;
    BYTE *data = read_all(path, &size, &err);
    if (!data) {
        if (err == ERROR_FILE_NOT_FOUND)
            return fail("hashfile", err, "ERROR_FILE_NOT_FOUND", "The system cannot find the file specified.");
        return fail("hashfile", err, "ERROR", "The file cannot be read.");
    }
    HCRYPTPROV prov; HCRYPTHASH hash;
    BYTE digest[64]; DWORD len = sizeof digest;
    if (!CryptAcquireContextA(&prov, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT) ||
        !CryptCreateHash(prov, id, 0, 0, &hash) || !CryptHashData(hash, data, size, 0) ||
        !CryptGetHashParam(hash, HP_HASHVAL, digest, &len, 0))
        return fail("hashfile", GetLastError(), "ERROR", "Hashing failed.");
    int legacy = getenv("RDPX_CERTUTIL_LEGACY") && !strcmp(getenv("RDPX_CERTUTIL_LEGACY"), "1");
    printf(legacy ? "%s hash of file %s:\r\n" : "%s hash of %s:\r\n", label, path);
    for (DWORD i = 0; i < len; i++) printf(legacy && i ? " %02x" : "%02x", digest[i]);
    printf("\r\nCertUtil: -hashfile command completed successfully.\r\n");
    return 0;
}

static int decode(const char *in, const char *out, int force)
{
    DWORD size = 0, err = 0;
    BYTE *text = read_all(in, &size, &err);
    if (!text) return fail("decode", err, "ERROR_FILE_NOT_FOUND", "The system cannot find the file specified.");
    if (!force && GetFileAttributesA(out) != INVALID_FILE_ATTRIBUTES)
        return fail("decode", ERROR_FILE_EXISTS, "ERROR_FILE_EXISTS", "The file exists.");
    DWORD outLen = 0;
    if (!CryptStringToBinaryA((const char *)text, size, CRYPT_STRING_BASE64_ANY, NULL, &outLen, NULL, NULL))
        return fail("decode", ERROR_INVALID_DATA, "ERROR_INVALID_DATA", "The data is invalid.");
    BYTE *bin = malloc(outLen ? outLen : 1);
    if (!CryptStringToBinaryA((const char *)text, size, CRYPT_STRING_BASE64_ANY, bin, &outLen, NULL, NULL))
        return fail("decode", ERROR_INVALID_DATA, "ERROR_INVALID_DATA", "The data is invalid.");
    HANDLE h = CreateFileA(out, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    DWORD wrote = 0;
    if (h == INVALID_HANDLE_VALUE || !WriteFile(h, bin, outLen, &wrote, NULL))
        return fail("decode", GetLastError(), "ERROR_ACCESS_DENIED", "Access is denied.");
    CloseHandle(h);
    printf("Input Length = %lu\r\nOutput Length = %lu\r\n", (unsigned long)size, (unsigned long)outLen);
    printf("CertUtil: -decode command completed successfully.\r\n");
    return 0;
}

int main(int argc, char **argv)
{
    int force = 0, i = 1;
    for (; i < argc && !_stricmp(argv[i], "-f"); i++) force = 1;
    if (i < argc && !_stricmp(argv[i], "-hashfile") && i + 1 < argc)
        return hashfile(argv[i + 1], i + 2 < argc ? argv[i + 2] : NULL);
    if (i < argc && !_stricmp(argv[i], "-decode") && i + 2 < argc)
        return decode(argv[i + 1], argv[i + 2], force);
    printf("certutil shim: unsupported arguments\r\n");
    return 2;
}
