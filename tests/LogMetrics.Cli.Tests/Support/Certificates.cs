using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;

namespace LogMetrics.Cli.Tests.Support;

/// <summary>Makes test certificates and bcrypt hashes with the system's own tools (openssl, python3's crypt).</summary>
internal static class Certificates
{
    public static (string CertFile, string KeyFile, X509Certificate2 Certificate) SelfSigned(TempDirectory dir, string name = "server")
    {
        var cert = dir[$"{name}.crt"];
        var key = dir[$"{name}.key"];
        Run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "2",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert);
        return (cert, key, X509CertificateLoader.LoadCertificateFromFile(cert));
    }

    public static string BcryptHash(string password) =>
        Run("python3", "-W", "ignore", "-c",
            "import crypt,sys; print(crypt.crypt(sys.argv[1], crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=16)))", password).Trim();

    private static string Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {stderr}");
        }

        return stdout;
    }
}
