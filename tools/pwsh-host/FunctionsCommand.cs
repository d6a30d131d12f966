using System.Management.Automation;
using System.Management.Automation.Language;

namespace RdpRescue.PwshHost;

/// <summary>
/// What PowerShell's own AST says about the functions a file defines: comment-based help (read
/// by the same code Get-Help uses), CmdletBinding, parameters. Works without importing the
/// module, so it also works when the module needs cmdlets this engine lacks. For a .psd1 it
/// returns the manifest's data, evaluated as restricted-language data like Import-Module does.
/// </summary>
static class FunctionsCommand
{
    public static object Run(IEnumerable<string> files) => files.Select(Describe).ToArray();

    static object Describe(string path)
    {
        var script = Parser.ParseFile(Path.GetFullPath(path), out _, out ParseError[] errors);
        if (errors.Length > 0) return new { path, parsed = false };
        if (path.EndsWith(".psd1", StringComparison.OrdinalIgnoreCase))
            return new { path, parsed = true, data = ManifestData(script) };
        // GetHelpContent re-tokenizes the whole file unless it is given a cache.
        var tokenCache = new Dictionary<Ast, Token[]>();
        var functions = script.FindAll(a => a is FunctionDefinitionAst, searchNestedScriptBlocks: true)
            .Cast<FunctionDefinitionAst>()
            .Select(f => Function(f, tokenCache))
            .ToArray();
        return new { path, parsed = true, functions };
    }

    static object? ManifestData(ScriptBlockAst script)
    {
        var table = script.Find(a => a is HashtableAst, searchNestedScriptBlocks: false) as HashtableAst;
        if (table is null) return null;
        var data = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in table.KeyValuePairs)
        {
            if (key is not StringConstantExpressionAst name) continue;
            var expression = (value as PipelineAst)?.GetPureExpression();
            data[name.Value] = expression is null ? null : Plain(expression.SafeGetValue());
        }
        return data;
    }

    /// <summary>Hashtables and arrays as JSON-friendly values.</summary>
    static object? Plain(object? value) => value switch
    {
        System.Collections.IDictionary d => d.Keys.Cast<object>().ToDictionary(k => k.ToString()!, k => Plain(d[k])),
        string s => s,
        System.Collections.IEnumerable e => e.Cast<object?>().Select(Plain).ToArray(),
        PSObject p => Plain(p.BaseObject),
        _ => value,
    };

    // Compared by name: resolving attribute types through the engine costs seconds per file.
    static readonly HashSet<string> CmdletBindingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CmdletBinding", "CmdletBindingAttribute", "System.Management.Automation.CmdletBindingAttribute",
    };

    static object Function(FunctionDefinitionAst function, Dictionary<Ast, Token[]> tokenCache)
    {
        var body = function.Body;
        var binding = body.ParamBlock?.Attributes.FirstOrDefault(a => CmdletBindingNames.Contains(a.TypeName.FullName));
        var help = function.GetHelpContent(tokenCache);
        return new
        {
            name = function.Name,
            approvedVerb = function.Name.Contains('-') && ModuleCommand.ApprovedVerbs.Contains(function.Name.Split('-')[0]),
            line = function.Extent.StartLineNumber,
            nested = function.Parent is not NamedBlockAst { Parent: ScriptBlockAst { Parent: null } },
            cmdletBinding = binding is not null,
            supportsShouldProcess = NamedArgument(binding, "SupportsShouldProcess"),
            confirmImpact = NamedArgument(binding, "ConfirmImpact"),
            parameters = (body.ParamBlock?.Parameters ?? function.Parameters)?.Select(p => p.Name.VariablePath.UserPath).ToArray() ?? [],
            help = help is null
                ? null
                : new
                {
                    synopsis = help.Synopsis?.Trim(),
                    description = help.Description?.Trim(),
                    examples = help.Examples.Select(e => e.Trim()).ToArray(),
                    parameters = help.Parameters.ToDictionary(p => p.Key, p => p.Value.Trim(), StringComparer.OrdinalIgnoreCase),
                },
        };
    }

    /// <summary>`[CmdletBinding(X = $true)]` and `[CmdletBinding(X)]` both count; the value as text.</summary>
    static string? NamedArgument(AttributeAst? attribute, string name)
    {
        var argument = attribute?.NamedArguments.FirstOrDefault(a => a.ArgumentName.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (argument is null) return null;
        if (argument.ExpressionOmitted) return "True";
        return argument.Argument.SafeGetValue()?.ToString();
    }
}
