using System.Management.Automation.Language;
using System.Text;

namespace RdpRescue.PwshHost;

/// <summary>Parses files with PowerShell's own parser and lists syntax newer than 5.1.</summary>
static class ParseCommand
{
    public static object Run(IEnumerable<string> files) => files.Select(path =>
    {
        var script = Parser.ParseFile(Path.GetFullPath(path), out Token[] tokens, out ParseError[] errors);
        return Report(path, script, tokens, errors);
    }).ToArray();

    /// <summary>
    /// Parses each file as Windows PowerShell 5.1 reads a script on a Windows whose ANSI code
    /// page is <paramref name="codePage"/>: a byte order mark decides the encoding; without one,
    /// the bytes are read in the ANSI code page (StreamReader with Encoding.Default).
    /// </summary>
    public static object RunAsWindows(int codePage, IEnumerable<string> files)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var ansi = Encoding.GetEncoding(codePage);
        return files.Select(path =>
        {
            var text = DecodeAsWindows(File.ReadAllBytes(path), ansi);
            var script = Parser.ParseInput(text, Path.GetFullPath(path), out Token[] tokens, out ParseError[] errors);
            return Report(path, script, tokens, errors);
        }).ToArray();
    }

    static string DecodeAsWindows(byte[] bytes, Encoding ansi)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), ansi, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    static object Report(string path, ScriptBlockAst script, Token[] tokens, ParseError[] errors) => new
    {
        path,
        tokens = tokens.Length,
        errors = errors.Select(e => new
        {
            line = e.Extent.StartLineNumber,
            column = e.Extent.StartColumnNumber,
            id = e.ErrorId,
            message = e.Message,
        }),
        after51 = SyntaxAfter51.Find(script, tokens).Select(f => new
        {
            line = f.Extent.StartLineNumber,
            column = f.Extent.StartColumnNumber,
            construct = f.Construct,
            text = f.Extent.Text.Length > 80 ? f.Extent.Text[..80] : f.Extent.Text,
        }),
    };
}
