using System.Management.Automation.Language;

namespace RdpRescue.PwshHost;

/// <summary>
/// Finds syntax that PowerShell 7 accepts but Windows PowerShell 5.1 rejects or misreads. The
/// parser here is PowerShell 7's, so a clean parse alone does not prove 5.1 can load a file.
/// </summary>
static class SyntaxAfter51
{
    static readonly HashSet<string> AutomaticVariablesAfter51 = new(StringComparer.OrdinalIgnoreCase)
    {
        "IsWindows", "IsLinux", "IsMacOS", "IsCoreCLR",
    };

    public static IEnumerable<(IScriptExtent Extent, string Construct)> Find(ScriptBlockAst script, Token[] tokens)
    {
        foreach (var ast in script.FindAll(_ => true, searchNestedScriptBlocks: true))
        {
            var construct = ast switch
            {
                TernaryExpressionAst => "ternary operator (a ? b : c)",
                PipelineChainAst => "pipeline chain operator (&& / ||)",
                BinaryExpressionAst { Operator: TokenKind.QuestionQuestion } => "null-coalescing operator (??)",
                AssignmentStatementAst { Operator: TokenKind.QuestionQuestionEquals } => "null-coalescing assignment (??=)",
                MemberExpressionAst { NullConditional: true } => "null-conditional member access (?.)",
                IndexExpressionAst { NullConditional: true } => "null-conditional index (?[])",
                PipelineAst { Background: true } => "background operator (&)",
                CommandParameterAst { ParameterName: var p } when p.Equals("Parallel", StringComparison.OrdinalIgnoreCase)
                    && IsForEachObject(ast.Parent) => "ForEach-Object -Parallel",
                VariableExpressionAst v when AutomaticVariablesAfter51.Contains(v.VariablePath.UserPath) =>
                    $"automatic variable ${v.VariablePath.UserPath}",
                ScriptBlockAst { CleanBlock: not null } => "clean block",
                _ => null,
            };
            if (construct is not null) yield return (ast.Extent, construct);
        }
        Token? previous = null;
        foreach (var token in tokens.Where(t => t.Kind != TokenKind.Comment))
        {
            if (token.Kind == TokenKind.Pipe && previous is { Kind: TokenKind.NewLine })
                yield return (token.Extent, "pipe at the start of a line (leading | continuation)");
            previous = token;
        }
    }

    static bool IsForEachObject(Ast? parent) =>
        parent is CommandAst command
        && command.GetCommandName() is { } name
        && (name.Equals("ForEach-Object", StringComparison.OrdinalIgnoreCase) || name is "%" || name.Equals("foreach", StringComparison.OrdinalIgnoreCase));
}
