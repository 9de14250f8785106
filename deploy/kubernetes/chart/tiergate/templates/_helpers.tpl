{{/* Labels every object of a service carries; the selector labels are the stable subset. */}}
{{- define "tiergate.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{- define "tiergate.labels" -}}
{{ include "tiergate.selectorLabels" . }}
app.kubernetes.io/part-of: tiergate
app.kubernetes.io/version: {{ .root.Values.image.tag | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end }}

{{/* The image of a service: a tag is required and "latest" is refused, so a rollout is always reproducible. */}}
{{- define "tiergate.image" -}}
{{- $tag := required "image.tag is required" .root.Values.image.tag | toString -}}
{{- if eq $tag "latest" }}{{ fail "image.tag must not be latest" }}{{ end -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .name $tag -}}
{{- end }}

{{- define "tiergate.secretRef" -}}
valueFrom:
  secretKeyRef:
    name: {{ .secretName }}
    key: {{ .key }}
{{- end }}

{{/* The JDBC URL of a service's database: the read-write Service of its CloudNativePG Cluster. */}}
{{- define "tiergate.jdbcUrl" -}}
{{- $pg := .root.Values.postgres -}}
{{- printf "jdbc:postgresql://%s%s-db-rw.%s.svc:%v/%s" $pg.clusterPrefix .svc.database $pg.namespace $pg.port .svc.database -}}
{{- end }}

{{/* The in-cluster URL of a service, for the console's REST clients. */}}
{{- define "tiergate.serviceUrl" -}}
{{- $svc := index .root.Values.services .name -}}
{{- printf "http://%s.%s.svc:%v" .name .root.Release.Namespace $svc.port -}}
{{- end }}
