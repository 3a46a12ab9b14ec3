module github.com/custnorm/custnorm

go 1.26.0

require (
	github.com/google/go-cmp v0.7.0
	github.com/nyaruka/phonenumbers v1.8.1
	github.com/santhosh-tekuri/jsonschema/v5 v5.3.1
	golang.org/x/text v0.43.0
)

require google.golang.org/protobuf v1.36.11 // indirect
