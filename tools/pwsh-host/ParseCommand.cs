using System.Management.Automation.Language;

namespace RdpRescue.PwshHost;

/// <summary>Parses files with PowerShell's own parser and lists syntax newer than 5.1.</summary>
static class ParseCommand
{
    public static object Run(IEnumerable<string> files) => files.Select(ParseOne).ToArray();

    static object ParseOne(string path)
    {
        var script = Parser.ParseFile(Path.GetFullPath(path), out Token[] tokens, out ParseError[] errors);
        return new
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
}
