using System.Diagnostics;
using Lab.Orchestrator.Core.Boards;

namespace Lab.Orchestrator.Tests.Ssh;

public sealed class ShellQuoteTests
{
    [TestCase("plain", "'plain'")]
    [TestCase("", "''")]
    [TestCase("it's", "'it'\\''s'")]
    [TestCase("$(reboot)", "'$(reboot)'")]
    public void Quote_wraps_in_single_quotes_and_escapes_single_quotes(string input, string expected)
    {
        Assert.That(ShellQuote.Quote(input), Is.EqualTo(expected));
    }

    [Test]
    public async Task A_real_shell_gets_every_argument_back_verbatim()
    {
        string[] nasty = ["a b", "it's", "$HOME", "`id`", "\"dq\"", "back\\slash", "semi;colon", "new\nline", "*", ""];
        var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(ShellQuote.Join(["printf", "%s\\0", .. nasty]));
        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.That(output.Split('\0')[..^1], Is.EqualTo(nasty));
    }
}
