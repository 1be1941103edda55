using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace LogMetrics.Cli.Outputs.RemoteWrite;

/// <summary>What became of one request.</summary>
internal enum SendOutcome
{
    Sent,

    /// <summary>5xx, 429, a timeout or no connection: send the same batch again later.</summary>
    Retry,

    /// <summary>Any other 4xx: the receiver will never take this batch.</summary>
    Drop,
}

/// <summary>POSTs remote_write 1.0 bodies to one URL with the configured authentication and TLS.</summary>
internal sealed class RemoteWriteClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly RemoteWriteSettings _settings;

    private RemoteWriteClient(HttpClient http, Uri url, RemoteWriteSettings settings)
    {
        _http = http;
        _url = url;
        _settings = settings;
    }

    /// <summary>Throws IOException, UnauthorizedAccessException or CryptographicException when a TLS file cannot be read.</summary>
    public static RemoteWriteClient Create(Uri url, RemoteWriteSettings settings)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        if (settings.TlsInsecureSkipVerify)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (settings.TlsCaFile is not null)
        {
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            policy.CustomTrustStore.ImportFromPemFile(settings.TlsCaFile);
            handler.SslOptions.CertificateChainPolicy = policy;
        }

        if (settings.TlsCertFile is not null)
        {
            var certificate = X509Certificate2.CreateFromPemFile(settings.TlsCertFile, settings.TlsKeyFile);
            handler.SslOptions.ClientCertificates = [certificate];
        }

        var http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        return new RemoteWriteClient(http, url, settings);
    }

    /// <summary>The URL without credentials or query, for logs and the `url` label.</summary>
    public static string Describe(Uri url) => url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    /// <summary>Sends the body; returns the outcome and, unless sent, why.</summary>
    public async Task<(SendOutcome Outcome, string? Error)> SendAsync(RemoteWriteBatch batch, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(_settings.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(batch.Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
            request.Content.Headers.ContentEncoding.Add("snappy");
            request.Headers.UserAgent.ParseAdd("logmetrics/" + Daemon.SelfMetrics.Version.Split('+')[0]);
            request.Headers.Add("X-Prometheus-Remote-Write-Version", "0.1.0");
            request.Headers.Authorization = Authorization();
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                return (SendOutcome.Sent, null);
            }

            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            var error = $"HTTP {status}: {(body.Length > 256 ? body[..256] + "..." : body).Trim()}";
            return (status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests ? SendOutcome.Retry : SendOutcome.Drop, error);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return (SendOutcome.Retry, $"no answer within {_settings.Timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            return (SendOutcome.Retry, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The token or password file went away: retried, as it may come back (a rotated secret).
            return (SendOutcome.Retry, e.Message);
        }
    }

    private AuthenticationHeaderValue? Authorization()
    {
        if (_settings.BearerTokenFile is not null)
        {
            return new AuthenticationHeaderValue("Bearer", File.ReadAllText(_settings.BearerTokenFile).Trim());
        }

        if (_settings.BasicAuthUsername is not null)
        {
            var password = _settings.BasicAuthPasswordFile is null ? "" : File.ReadAllText(_settings.BasicAuthPasswordFile).TrimEnd('\r', '\n');
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(_settings.BasicAuthUsername + ":" + password)));
        }

        return null;
    }

    public void Dispose() => _http.Dispose();
}
