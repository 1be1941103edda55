namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>bcrypt hashes for basic_auth_users, made the way the exporter-toolkit docs suggest an operator make them.</summary>
internal static class Bcrypt
{
    public static async Task<string> HashAsync(string password)
    {
        var python = Tool.Require("python3");
        var result = await CommandRunner.RunAsync(
            python,
            ["-W", "ignore", "-c", "import crypt, sys; print(crypt.crypt(sys.argv[1], crypt.mksalt(crypt.METHOD_BLOWFISH)))", password]);
        var hash = result.Stdout.Trim();
        if (result.ExitCode != 0 || !hash.StartsWith("$2", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"python3 could not make a bcrypt hash:\n{result}");
        }

        return hash;
    }
}
